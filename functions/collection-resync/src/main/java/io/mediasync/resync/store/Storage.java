package io.mediasync.resync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.mediasync.resync.config.ResyncConfig;
import io.mediasync.resync.model.DocIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The sync storage (seed 002), {@code resync_storage}: one {@link StorageRow} per collection + document id, keyed
 * {@code <collection>|<id>}, upserted by provide with the reason and the run; execute claims a row before ordering
 * (compare-and-set on the row's order, so two runs never order the same image twice); a row is removed only after
 * the document's target write, and only if nobody provided it again since.
 */
@ApplicationScoped
public class Storage {

    private final MongoCollection<StorageRow> rows;

    public Storage(MongoDatabase db, ResyncConfig config) {
        this.rows = StorageRow.CODEC.typed(db.getCollection(config.storageCollection()));
    }

    public void createIndexes() {
        rows.createIndex(Indexes.ascending(StorageRow.RUN_ID));
    }

    /**
     * Upserts the rows of changed documents, except those this run provided already (a document two scans find
     * counts once). @return how many rows this run provided now
     */
    public int provide(List<ProvidedRow> provided, String runId, Date now) {
        if (provided.isEmpty()) {
            return 0;
        }
        Set<String> already = new HashSet<>();
        // by _id alone: the _id index serves it on every server, and the page's rows are few
        rows.find(Filters.in(StorageRow.KEY, provided.stream().map(r -> DocIds.rowKey(r.collection(), r.docId())).toList()))
                .projection(new Document(StorageRow.PROVIDED_BY, 1)).forEach(r -> {
                    if (runId.equals(r.providedBy())) {
                        already.add(r.key());
                    }
                });
        List<WriteModel<StorageRow>> writes = new ArrayList<>();
        for (ProvidedRow row : provided) {
            if (!already.add(DocIds.rowKey(row.collection(), row.docId()))) {
                continue;
            }
            // the run that provided a row first owns it until it is removed: that run completes only then
            List<Bson> set = new ArrayList<>(List.of(Updates.set(StorageRow.COLLECTION, row.collection()),
                    Updates.set(StorageRow.DOC_ID, row.docId()), Updates.set(StorageRow.REASON, row.reason()),
                    Updates.setOnInsert(StorageRow.RUN_ID, runId), Updates.set(StorageRow.PROVIDED_AT, now),
                    Updates.set(StorageRow.PROVIDED_BY, runId), Updates.setOnInsert(StorageRow.CREATED_AT, now)));
            if (row.relatedTo() != null) {
                set.add(Updates.set(StorageRow.RELATED_TO, row.relatedTo()));
            }
            if (row.force()) {
                set.add(Updates.set(StorageRow.FORCE, true)); // never unset by a later, unforced provide: the request stands
            }
            writes.add(new UpdateOneModel<>(Filters.eq(StorageRow.KEY, DocIds.rowKey(row.collection(), row.docId())), Updates.combine(set),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return writes.size();
    }

    /** The collection's rows after {@code afterKey} (null: from the first), in key order. */
    public List<StorageRow> page(String collection, String afterKey, int limit) {
        Bson from = afterKey == null ? Filters.gte(StorageRow.KEY, DocIds.firstKey(collection)) : Filters.gt(StorageRow.KEY, afterKey);
        return rows.find(Filters.and(from, Filters.lt(StorageRow.KEY, DocIds.endKey(collection)))).sort(Sorts.ascending(StorageRow.KEY))
                .limit(limit).into(new ArrayList<>());
    }

    public Optional<StorageRow> find(String key) {
        return Optional.ofNullable(rows.find(Filters.eq(StorageRow.KEY, key)).first());
    }

    /**
     * Claims rows for their orders: each only if its order is still the one that was read (compare-and-set), so of
     * two runs reading the same row one orders. One bulk write and one read for the page.
     *
     * @return the keys of the rows this call claimed
     */
    public Set<String> claim(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<StorageRow>> writes = new ArrayList<>();
        for (Claim claim : claims) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq(StorageRow.KEY, claim.row().key()), sameOrder(claim.row())),
                    Updates.set(StorageRow.ORDERED, claim.order().toDocument())));
        }
        rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> won = new HashSet<>();
        rows.find(Filters.and(Filters.in(StorageRow.KEY, claims.stream().map(c -> c.row().key()).toList()),
                Filters.in(StorageRow.ORDERED_TOKEN, claims.stream().map(c -> c.order().token()).toList())))
                .projection(new Document(StorageRow.KEY, 1)).forEach(r -> won.add(r.key()));
        return won;
    }

    /** A row as it was read, and the order to claim it with. */
    public record Claim(StorageRow row, StorageRow.Order order) {
    }

    /** Notes that these orders reached the resize queue (a redelivered page re-sends only the others). */
    public void markSent(Map<String, String> tokensByKey) {
        List<WriteModel<StorageRow>> writes = new ArrayList<>();
        tokensByKey.forEach((key, token) -> writes.add(new UpdateOneModel<>(ofOrder(key, token), Updates.set(StorageRow.ORDERED_SENT, true))));
        if (!writes.isEmpty()) {
            rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Removes a row as it was read: not if it was provided again or claimed since. */
    public boolean removeAsRead(StorageRow row) {
        return rows.deleteOne(Filters.and(Filters.eq(StorageRow.KEY, row.key()), Filters.eq(StorageRow.PROVIDED_AT, row.providedAt()),
                sameOrder(row))).getDeletedCount() == 1;
    }

    /** Removes the row an applied result was for, unless provided again after the document was read. */
    public boolean removeApplied(String key, String token, Date readAt) {
        return rows.deleteOne(Filters.and(ofOrder(key, token), Filters.lte(StorageRow.PROVIDED_AT, readAt))).getDeletedCount() == 1;
    }

    /**
     * Removes the rows of documents just brought in line with their parent, unless provided again since.
     *
     * @param docIdRange the documents' id range ({@link StorageRow#DOC_ID}), checked first: the ids are compared only within it
     */
    public long removeInherited(String collection, Bson docIdRange, List<Object> docIds, Date since) {
        List<String> keys = docIds.stream().map(id -> DocIds.rowKey(collection, id)).toList();
        return rows.deleteMany(Filters.and(Filters.eq(StorageRow.COLLECTION, collection), docIdRange, Filters.in(StorageRow.KEY, keys),
                Filters.exists(StorageRow.ORDERED, false), Filters.lte(StorageRow.PROVIDED_AT, since))).getDeletedCount();
    }

    /** Saves where passing the row's applied result on stands. @return false when the row has another order since */
    public boolean saveInheriting(String key, String token, StorageRow.Inheriting inheriting) {
        return rows.updateOne(ofOrder(key, token), Updates.set(StorageRow.ORDERED_INHERITING, inheriting.toDocument()))
                .getMatchedCount() == 1;
    }

    /** The result is passed on in full, but the row stays (its document changed since): nothing is pending any more. */
    public void endInheriting(String key, String token) {
        rows.updateOne(ofOrder(key, token), Updates.unset(StorageRow.ORDERED_INHERITING));
    }

    /** Whether any row still belongs to the run (its work is not committed yet). */
    public boolean anyOf(String runId) {
        return rows.find(Filters.eq(StorageRow.RUN_ID, runId)).projection(new Document(StorageRow.KEY, 1)).limit(1).first() != null;
    }

    /** The row still holds the order it was read with (or still none). */
    private static Bson sameOrder(StorageRow row) {
        return row.ordered() == null ? Filters.exists(StorageRow.ORDERED, false) : Filters.eq(StorageRow.ORDERED_TOKEN, row.ordered().token());
    }

    /** The row, as long as it holds the order {@code token}. */
    private static Bson ofOrder(String key, String token) {
        return Filters.and(Filters.eq(StorageRow.KEY, key), Filters.eq(StorageRow.ORDERED_TOKEN, token));
    }
}
