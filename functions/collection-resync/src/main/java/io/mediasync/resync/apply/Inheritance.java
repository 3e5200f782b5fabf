package io.mediasync.resync.apply;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.IdAfter;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.model.Written;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Related objects (seed 002's joint relations): writes a parent's images on the documents that show them (those
 * with no image of their own that refer to it), and on theirs in turn, page by page; then removes their storage
 * rows. A child gets the parent's {@code <field>_info} and {@code image_resync.<field>} with
 * {@code inherited_from: <parent _id>}, and the parent's {@code at}, so an older write never replaces a newer one.
 */
@ApplicationScoped
public class Inheritance {

    private final ResyncModel model;
    private final Documents documents;
    private final Storage storage;
    private final int pageSize;

    public Inheritance(ResyncModel model, Documents documents, Storage storage, ResyncConfig config) {
        this.model = model;
        this.documents = documents;
        this.storage = storage;
        this.pageSize = config.pageSize();
    }

    /** Passes the parent's images on to every child that shows them. @return documents written */
    public int propagate(String collection, Document parent, Date since) {
        return propagate(collection, parent, null, since);
    }

    /**
     * @param onlyChild restricts the write to this child's id (execute bringing one inheriting row in line), or null
     * @param since     rows provided after this moment stay (something changed since the parent was read)
     */
    public int propagate(String collection, Document parent, Object onlyChild, Date since) {
        int written = 0;
        for (Relation relation : model.childrenOf(collection)) {
            Bson children = Filters.and(Filters.eq(relation.referenceField(), parent.get("_id")), Documents.noImages(), notNewer(parent));
            if (onlyChild != null) {
                children = Filters.and(children, Filters.eq("_id", onlyChild));
            }
            Bson update = inheritedFrom(parent);
            Object after = null;
            while (true) {
                Bson page = after == null ? children : Filters.and(children, IdAfter.after("_id", after));
                List<Object> ids = new ArrayList<>();
                documents.of(relation.child()).find(page).projection(new Document("_id", 1)).sort(Sorts.ascending("_id"))
                        .limit(pageSize).forEach(d -> ids.add(d.get("_id")));
                if (ids.isEmpty()) {
                    break;
                }
                written += (int) documents.of(relation.child()).updateMany(Filters.and(children, Filters.in("_id", ids)), update)
                        .getModifiedCount();
                documents.dropEmptyResync(relation.child(), Filters.in("_id", ids));
                storage.removeInherited(relation.child(), ids, since);
                if (!model.childrenOf(relation.child()).isEmpty()) { // a chain: their children show the same images
                    for (Document child : documents.byIds(relation.child(), ids).values()) {
                        written += propagate(relation.child(), child, null, since);
                    }
                }
                after = ids.get(ids.size() - 1);
            }
        }
        return written;
    }

    /** The parent's written state, field by field, as the child's (inherited_from the parent). */
    private static Bson inheritedFrom(Document parent) {
        List<Bson> updates = new ArrayList<>();
        for (String field : ImageFields.ALL) {
            Optional<Written> theirs = Written.of(parent, field);
            if (theirs.isEmpty()) {
                updates.add(Updates.unset(ImageFields.info(field)));
                updates.add(Updates.unset(ImageFields.resync(field)));
                continue;
            }
            Written w = theirs.get();
            Document entry = new Document("source_url", w.sourceUrl()).append("status", w.status());
            if (w.error() != null) {
                entry.append("error", w.error());
            }
            entry.append("at", w.at()).append("inherited_from", parent.get("_id"));
            updates.add(Updates.set(ImageFields.resync(field), entry));
            updates.add(w.done() && w.hasInfo() ? Updates.set(ImageFields.info(field), parent.get(ImageFields.info(field)))
                    : Updates.unset(ImageFields.info(field)));
        }
        return Updates.combine(updates);
    }

    /** Leaves alone a child already holding a newer state of a field than this parent's (a later write won). */
    private static Bson notNewer(Document parent) {
        List<Bson> newer = new ArrayList<>();
        for (String field : ImageFields.ALL) {
            Written.of(parent, field).filter(w -> w.at() != null)
                    .ifPresent(w -> newer.add(Filters.gt(ImageFields.resync(field, "at"), w.at())));
        }
        return newer.isEmpty() ? new Document() : Filters.nor(newer);
    }
}
