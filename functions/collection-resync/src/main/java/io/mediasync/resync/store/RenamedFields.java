package io.mediasync.resync.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.mediasync.common.mongo.FieldRenames;
import io.mediasync.common.mongo.Lease;
import io.mediasync.resync.config.ResyncConfig;
import java.util.Map;
import org.bson.Document;

/**
 * The re-sync's own stored fields were snake_case before the records were typed (issue 22) and are camelCase since;
 * the seeds' names never changed. Rows, runs and message records written before the upgrade are renamed in place at
 * start-up, before a handler reads them: else a row without {@code docId} would be taken for a deleted document and
 * dropped, and a run leased across the deploy would look free.
 */
public final class RenamedFields {

    private static final Map<String, String> STORAGE = Map.of("doc_id", StorageRow.DOC_ID, "run_id", StorageRow.RUN_ID,
            "provided_by", StorageRow.PROVIDED_BY, "provided_at", StorageRow.PROVIDED_AT, "created_at", StorageRow.CREATED_AT,
            "related_to", StorageRow.RELATED_TO);
    private static final Map<String, String> RUNS = Map.of("lease_until", Lease.UNTIL, "scheduled_time", ResyncRun.SCHEDULED_TIME,
            "counts.moved_on", RunCount.MOVED_ON.field());
    private static final Map<String, String> MESSAGES = Map.of("run_id", MessageRecord.RUN_ID);

    private RenamedFields() {
    }

    /** @return how many documents were renamed */
    public static long apply(MongoDatabase db, ResyncConfig config) {
        MongoCollection<Document> storage = db.getCollection(config.storageCollection());
        long renamed = FieldRenames.apply(storage, STORAGE) + FieldRenames.apply(db.getCollection(config.runsCollection()), RUNS)
                + FieldRenames.apply(db.getCollection(config.messagesCollection()), MESSAGES);
        try {
            storage.dropIndex("run_id_1"); // the old name's index; the new one is created with the others
        } catch (MongoCommandException e) {
            // not there: dropped already, or never created
        }
        return renamed;
    }
}
