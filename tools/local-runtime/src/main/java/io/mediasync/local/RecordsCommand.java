package io.mediasync.local;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.mediasync.local.DeadLetterRecords.Summary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * {@code ./mediasync records orders|sources|runs [--id ID] [--status S] [--latest N]}: what the functions recorded,
 * without a MongoDB shell. Orders are {@code resize_orders}; sources {@code sources}; runs the source syncs'
 * {@code sync_runs}, catalog-sync's {@code catalog_sync_runs} and collection-resync's {@code resync_runs}.
 */
final class RecordsCommand {

    static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("orders", List.of("resize_orders"));
        KINDS.put("sources", List.of("sources"));
        KINDS.put("runs", List.of("sync_runs", "catalog_sync_runs", "resync_runs"));
    }

    static final String USAGE = "usage: ./mediasync records orders|sources|runs [--id ID] [--status S] [--latest N]   "
            + "(--aws [--profile P] [--region R], MONGO_URL: the AWS stack's records)";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build();

    private RecordsCommand() {
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) throws InterruptedException {
        OpsArgs args = new OpsArgs(argv, Set.of(OpsTarget.AWS), Set.of());
        List<String> known = new ArrayList<>(OpsTarget.OPTIONS);
        known.addAll(List.of("--id", "--status", "--latest"));
        var problem = args.problem(Set.copyOf(known));
        if (args.positional.size() != 1 || !KINDS.containsKey(args.positional.get(0)) || problem.isPresent()) {
            err.println(problem.map(p -> "records: " + p + "\n").orElse("") + USAGE);
            return 2;
        }
        try (OpsTarget target = OpsTarget.resolve(args, env)) {
            if (target.mongoUrl().isEmpty()) {
                err.println("records: no MongoDB to read: set MONGO_URL (the cluster in the MongoUrlParameter secret) or --mongo-url");
                return 2;
            }
            try (DeadLetterRecords records = new DeadLetterRecords(target.mongoUrl().get(), target.database())) {
                int latest = args.intValue("--latest", 20);
                List<Bson> filters = new ArrayList<>();
                args.value("--id").ifPresent(id -> filters.add(byId(id)));
                args.value("--status").ifPresent(s -> filters.add(Filters.or(Filters.eq("status", s), Filters.eq("lastSyncStatus", s))));
                Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
                int shown = 0;
                for (String collection : KINDS.get(args.positional.get(0))) {
                    MongoCollection<Document> c = records.database().getCollection(collection);
                    for (Document d : c.find(filter).sort(Sorts.descending("updatedAt", "_id")).limit(latest)) {
                        shown++;
                        if (args.has("--id")) {
                            out.println(collection + " " + d.toJson(JSON));
                        } else {
                            out.println(line(collection, d));
                        }
                    }
                }
                if (shown == 0) {
                    out.println("no " + args.positional.get(0) + " records" + (filters.isEmpty() ? "" : " match") + " in " + target.where());
                }
                return 0;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("records: " + e.getMessage());
            return 1;
        }
    }

    /** The record's own id (a message id, run id, ObjectId or number), an order's orderId or a source's source_id. */
    static Bson byId(String id) {
        List<Bson> any = new ArrayList<>(List.of(Filters.eq("_id", id), Filters.eq("orderId", id), Filters.eq("run_id", id)));
        if (ObjectId.isValid(id)) {
            any.add(Filters.eq("_id", new ObjectId(id)));
        }
        try {
            long n = Long.parseLong(id);
            any.addAll(List.of(Filters.eq("_id", n), Filters.eq("source_id", n), Filters.eq("source_id", (int) n)));
        } catch (NumberFormatException e) {
            // not a number
        }
        return Filters.or(any);
    }

    private static String line(String collection, Document d) {
        Summary s = DeadLetterRecords.summarize(d);
        Object what = first(d, "orderId", "url", "trigger", "source_id");
        return String.format("%-17s %-38s %-14s %-20s  %s%s", collection, s.id(), s.status(), d.get("updatedAt") == null ? "-" : DeadLetterRecords.when(d.get("updatedAt")),
                s.code() == null ? "" : s.code() + (s.reason() == null ? "" : ": " + s.reason()) + "  ",
                what == null ? "" : what.toString());
    }

    private static Object first(Document d, String... names) {
        for (String n : names) {
            if (d.get(n) != null) {
                return n + "=" + d.get(n);
            }
        }
        return null;
    }
}
