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
 * The sync storage (seed 002), {@code resync_storage}: one row per collection + document id, keyed
 * {@code <collection>|<id>}, upserted by provide with the reason and the run; execute claims a row before ordering
 * (compare-and-set on the row's order, so two runs never order the same image twice); a row is removed only after
 * the document's target write, and only if nobody provided it again since.
 *
 * <p>Row: {@code _id, collection, doc_id, reason, related_to?, force?, run_id (the first provider, which owns it),
 * provided_by (the last), provided_at, created_at,
 * ordered?: {hash, token, run, at, fields: {field: url}, attempts, sent, inheriting?: {cursor, since, seq, at}}}: inheriting
 * while the applied result is being passed on to the documents that show it (its walk went beyond an invocation).
 */
@ApplicationScoped
public class Storage {

    private final MongoCollection<Document> rows;

    public Storage(MongoDatabase db, ResyncConfig config) {
        this.rows = db.getCollection(config.storageCollection());
    }

    public void createIndexes() {
        rows.createIndex(Indexes.ascending("run_id"));
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
        rows.find(Filters.in("_id", provided.stream().map(r -> DocIds.rowKey(r.collection(), r.docId())).toList()))
                .projection(new Document("provided_by", 1)).forEach(r -> {
                    if (runId.equals(r.getString("provided_by"))) {
                        already.add(r.getString("_id"));
                    }
                });
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ProvidedRow row : provided) {
            if (!already.add(DocIds.rowKey(row.collection(), row.docId()))) {
                continue;
            }
            // the run that provided a row first owns it until it is removed: that run completes only then
            List<Bson> set = new ArrayList<>(List.of(Updates.set("collection", row.collection()), Updates.set("doc_id", row.docId()),
                    Updates.set("reason", row.reason()), Updates.setOnInsert("run_id", runId), Updates.set("provided_at", now),
                    Updates.set("provided_by", runId), Updates.setOnInsert("created_at", now)));
            if (row.relatedTo() != null) {
                set.add(Updates.set("related_to", row.relatedTo()));
            }
            if (row.force()) {
                set.add(Updates.set("force", true)); // never unset by a later, unforced provide: the request stands
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", DocIds.rowKey(row.collection(), row.docId())), Updates.combine(set),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        return writes.size();
    }

    /** The collection's rows after {@code afterKey} (null: from the first), in key order. */
    public List<Document> page(String collection, String afterKey, int limit) {
        Bson from = afterKey == null ? Filters.gte("_id", DocIds.firstKey(collection)) : Filters.gt("_id", afterKey);
        return rows.find(Filters.and(from, Filters.lt("_id", DocIds.endKey(collection)))).sort(Sorts.ascending("_id"))
                .limit(limit).into(new ArrayList<>());
    }

    public Optional<Document> find(String key) {
        return Optional.ofNullable(rows.find(Filters.eq("_id", key)).first());
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
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Claim claim : claims) {
            Bson sameOrder = ordered(claim.row()).map(o -> Filters.eq("ordered.token", o.getString("token")))
                    .orElse(Filters.exists("ordered", false));
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", claim.row().getString("_id")), sameOrder),
                    Updates.set("ordered", claim.order())));
        }
        rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> won = new HashSet<>();
        rows.find(Filters.and(Filters.in("_id", claims.stream().map(c -> c.row().getString("_id")).toList()),
                Filters.in("ordered.token", claims.stream().map(c -> c.order().getString("token")).toList())))
                .projection(new Document("_id", 1)).forEach(r -> won.add(r.getString("_id")));
        return won;
    }

    /** A row as it was read, and the order ({hash, token, run, at, fields, attempts, sent}) to claim it with. */
    public record Claim(Document row, Document order) {
    }

    /** Notes that these orders reached the resize queue (a redelivered page re-sends only the others). */
    public void markSent(Map<String, String> tokensByKey) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        tokensByKey.forEach((key, token) -> writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", key),
                Filters.eq("ordered.token", token)), Updates.set("ordered.sent", true))));
        if (!writes.isEmpty()) {
            rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Removes a row as it was read: not if it was provided again or claimed since. */
    public boolean removeAsRead(Document row) {
        Bson sameOrder = ordered(row).map(o -> Filters.eq("ordered.token", o.getString("token")))
                .orElse(Filters.exists("ordered", false));
        return rows.deleteOne(Filters.and(Filters.eq("_id", row.getString("_id")), Filters.eq("provided_at", row.getDate("provided_at")),
                sameOrder)).getDeletedCount() == 1;
    }

    /** Removes the row an applied result was for, unless provided again after the document was read. */
    public boolean removeApplied(String key, String token, Date readAt) {
        return rows.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("ordered.token", token),
                Filters.lte("provided_at", readAt))).getDeletedCount() == 1;
    }

    /**
     * Removes the rows of documents just brought in line with their parent, unless provided again since.
     *
     * @param docIdRange the documents' id range ({@code doc_id}), checked first: the ids are compared only within it
     */
    public long removeInherited(String collection, Bson docIdRange, List<Object> docIds, Date since) {
        List<String> keys = docIds.stream().map(id -> DocIds.rowKey(collection, id)).toList();
        return rows.deleteMany(Filters.and(Filters.eq("collection", collection), docIdRange, Filters.in("_id", keys),
                Filters.exists("ordered", false), Filters.lte("provided_at", since))).getDeletedCount();
    }

    /** Saves where passing the row's applied result on stands. @return false when the row has another order since */
    public boolean saveInheriting(String key, String token, Document inheriting) {
        return rows.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("ordered.token", token)),
                Updates.set("ordered.inheriting", inheriting)).getMatchedCount() == 1;
    }

    /** The result is passed on in full, but the row stays (its document changed since): nothing is pending any more. */
    public void endInheriting(String key, String token) {
        rows.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("ordered.token", token)), Updates.unset("ordered.inheriting"));
    }

    /** Whether any row still belongs to the run (its work is not committed yet). */
    public boolean anyOf(String runId) {
        return rows.find(Filters.eq("run_id", runId)).projection(new Document("_id", 1)).limit(1).first() != null;
    }

    public static Optional<Document> ordered(Document row) {
        return Optional.ofNullable(row.get("ordered", Document.class));
    }
}
