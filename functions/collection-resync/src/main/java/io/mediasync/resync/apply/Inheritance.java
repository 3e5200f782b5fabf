package io.mediasync.resync.apply;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.IdAfter;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.model.Relation;
import io.mediasync.resync.model.ResyncModel;
import io.mediasync.resync.store.Documents;
import io.mediasync.resync.store.Storage;
import io.mediasync.resync.store.StorageRow;
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
 * The walk goes one step at a time ({@link #step}) from an {@link InheritanceCursor}, so it can stop between any
 * two pages and go on later; each child is written whole by one update.
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

    /** Passes the parent's images on to every child that shows them, all at once. @return documents written */
    public int propagate(String collection, Document parent, Date since) {
        return walk(InheritanceCursor.from(collection, parent.get("_id")), since);
    }

    /**
     * @param onlyChild restricts the write to this child's id (execute bringing one inheriting row in line)
     * @param since     rows provided after this moment stay (something changed since the parent was read)
     */
    public int propagate(String collection, Document parent, Object onlyChild, Date since) {
        return walk(InheritanceCursor.onlyChild(collection, parent.get("_id"), onlyChild), since);
    }

    private int walk(InheritanceCursor cursor, Date since) {
        int written = 0;
        while (!cursor.done()) {
            written += step(cursor, since);
        }
        return written;
    }

    /**
     * One step of a walk: the next page of children written (and their rows removed), or a move to the next relation,
     * into a child of the last page, or back up when a document is done. @return documents written
     */
    public int step(InheritanceCursor cursor, Date since) {
        InheritanceCursor.Frame frame = cursor.top();
        List<Relation> relations = model.childrenOf(frame.collection);
        if (frame.relation >= relations.size()) {
            cursor.pop();
            return 0;
        }
        Relation relation = relations.get(frame.relation);
        if (!frame.descend.isEmpty()) { // a chain: the children just written pass the same images on to theirs
            cursor.push(relation.child(), frame.descend.remove(0));
            return 0;
        }
        Document parent = documents.byId(frame.collection, frame.parent);
        if (parent == null) { // deleted meanwhile: its children's own rows clear what it passed on
            cursor.pop();
            return 0;
        }
        Bson children = Filters.and(Filters.eq(relation.referenceField(), parent.get("_id")), Documents.noImages(), notNewer(parent));
        if (frame.restricted) {
            children = Filters.and(children, Filters.eq("_id", frame.only));
        }
        Bson page = frame.started ? Filters.and(children, IdAfter.after("_id", frame.after)) : children;
        List<Object> ids = new ArrayList<>();
        documents.of(relation.child()).find(page).projection(new Document("_id", 1)).sort(Sorts.ascending("_id"))
                .limit(pageSize).forEach(d -> ids.add(d.get("_id")));
        if (ids.isEmpty()) {
            cursor.nextRelation(frame);
            return 0;
        }
        Object last = ids.get(ids.size() - 1);
        Bson thisPage = Filters.and(range("_id", frame, last), Filters.in("_id", ids));
        int written = (int) documents.of(relation.child()).updateMany(Filters.and(children, thisPage), inheritedFrom(parent))
                .getModifiedCount();
        documents.dropEmptyResync(relation.child(), Filters.and(Filters.eq(relation.referenceField(), parent.get("_id")), thisPage));
        storage.removeInherited(relation.child(), range(StorageRow.DOC_ID, frame, last), ids, since);
        cursor.pageWritten(frame, last, model.childrenOf(relation.child()).isEmpty() ? List.of() : ids);
        return written;
    }

    /**
     * The page's id range, (the frame's last id, {@code last}]: redundant with the page's ids, but cheap to check on
     * every document, so a server without a query planner (mongo-java-server) compares the ids only within the page.
     */
    private static Bson range(String field, InheritanceCursor.Frame frame, Object last) {
        return frame.started ? Filters.and(IdAfter.after(field, frame.after), IdAfter.upTo(field, last)) : IdAfter.upTo(field, last);
    }

    /** The parent's written state, field by field, as the child's (inherited_from the parent). */
    private static Bson inheritedFrom(Document parent) {
        List<Bson> updates = new ArrayList<>();
        for (String field : ImageFields.ALL) {
            Optional<ImageFields.Written> theirs = ImageFields.Written.of(parent, field);
            if (theirs.isEmpty()) {
                updates.add(Updates.unset(ImageFields.info(field)));
                updates.add(Updates.unset(ImageFields.resync(field)));
                continue;
            }
            ImageFields.Written w = theirs.get();
            updates.add(Updates.set(ImageFields.resync(field), w.inheritedFrom(parent.get("_id")).toEntry()));
            updates.add(w.done() && w.hasInfo() ? Updates.set(ImageFields.info(field), parent.get(ImageFields.info(field)))
                    : Updates.unset(ImageFields.info(field)));
        }
        return Updates.combine(updates);
    }

    /** Leaves alone a child already holding a newer state of a field than this parent's (a later write won). */
    private static Bson notNewer(Document parent) {
        List<Bson> newer = new ArrayList<>();
        for (String field : ImageFields.ALL) {
            ImageFields.Written.of(parent, field).filter(w -> w.at() != null)
                    .ifPresent(w -> newer.add(Filters.gt(ImageFields.resync(field, ImageFields.Written.AT), w.at())));
        }
        return newer.isEmpty() ? new Document() : Filters.nor(newer);
    }
}
