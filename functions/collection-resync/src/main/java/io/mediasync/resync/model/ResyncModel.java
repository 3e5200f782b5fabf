package io.mediasync.resync.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The collections re-synced and the relations between them, read from configuration (RESYNC_COLLECTIONS,
 * RESYNC_RELATIONS), so a third collection or relation needs no code. Checked at start-up: unknown names, a child
 * with two parents, a cycle, or a reference field that is an image field fail fast with the reason.
 */
public final class ResyncModel {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern RELATION = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_.-]+)->([A-Za-z0-9_-]+)");

    private final Map<String, String> mongoNames;
    private final List<Relation> relations;

    private ResyncModel(Map<String, String> mongoNames, List<Relation> relations) {
        this.mongoNames = mongoNames;
        this.relations = List.copyOf(relations);
    }

    /** @param collections {@code name[=mongoCollection],…}  @param relations {@code child.field->parent,…} */
    public static ResyncModel parse(String collections, String relations) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String entry : split(collections)) {
            int eq = entry.indexOf('=');
            String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            String mongo = (eq < 0 ? name : entry.substring(eq + 1)).trim();
            require(NAME.matcher(name).matches(), "RESYNC_COLLECTIONS: \"" + name + "\" is not a name (letters, digits, _ and -)");
            require(!mongo.isEmpty(), "RESYNC_COLLECTIONS: " + name + " names an empty MongoDB collection");
            require(names.put(name, mongo) == null, "RESYNC_COLLECTIONS names " + name + " twice");
        }
        require(!names.isEmpty(), "RESYNC_COLLECTIONS names no collection");
        List<Relation> parsed = new ArrayList<>();
        for (String entry : split(relations)) {
            var m = RELATION.matcher(entry);
            require(m.matches(), "RESYNC_RELATIONS: \"" + entry + "\" is not child.referenceField->parent");
            Relation r = new Relation(m.group(1), m.group(2), m.group(3));
            require(names.containsKey(r.child()) && names.containsKey(r.parent()),
                    "RESYNC_RELATIONS: " + r + " names a collection RESYNC_COLLECTIONS does not list");
            require(!ImageFields.ALL.contains(r.referenceField()) && !r.referenceField().startsWith(ImageFields.RESYNC),
                    "RESYNC_RELATIONS: " + r + " refers through an image field");
            require(parsed.stream().noneMatch(p -> p.child().equals(r.child())),
                    "RESYNC_RELATIONS: " + r.child() + " has two parents; a document shows one parent's images");
            parsed.add(r);
        }
        ResyncModel model = new ResyncModel(names, parsed);
        for (String name : names.keySet()) {
            model.ancestors(name); // throws on a cycle
        }
        return model;
    }

    public List<String> names() {
        return List.copyOf(mongoNames.keySet());
    }

    public boolean has(String name) {
        return mongoNames.containsKey(name);
    }

    public String mongoName(String name) {
        String mongo = mongoNames.get(name);
        if (mongo == null) {
            throw new IllegalArgumentException("not a re-synced collection: " + name);
        }
        return mongo;
    }

    /** The relation through which documents of this collection inherit, if any. */
    public Optional<Relation> parentOf(String child) {
        return relations.stream().filter(r -> r.child().equals(child)).findFirst();
    }

    /** The relations through which this collection's documents pass their images on. */
    public List<Relation> childrenOf(String parent) {
        return relations.stream().filter(r -> r.parent().equals(parent)).toList();
    }

    public List<Relation> relations() {
        return relations;
    }

    private List<String> ancestors(String name) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(name));
        for (Optional<Relation> up = parentOf(name); up.isPresent(); up = parentOf(up.get().parent())) {
            require(seen.add(up.get().parent()), "RESYNC_RELATIONS: " + name + " inherits from itself through " + chain);
            chain.add(up.get().parent());
        }
        return chain;
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : List.of(list.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
