package io.mediasync.resync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.resync.config.ResyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;

/**
 * {@code resync_messages}: the work and result messages that failed or were rejected, one record per SQS message
 * with its reason and status (retrying, dead_lettered, failed), so nothing reaches a DLQ without a record.
 */
@ApplicationScoped
public class MessageRecords {

    private static final int MAX_BODY = 10_000;

    private final MongoCollection<Document> records;
    private final Clock clock;

    public MessageRecords(MongoDatabase db, ResyncConfig config, Clock clock) {
        this.records = db.getCollection(config.messagesCollection());
        this.clock = clock;
    }

    public void record(String messageId, String queue, String body, String runId, RecordStatus status, String code, String reason) {
        Date now = Date.from(clock.instant());
        String kept = body == null ? null : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        records.updateOne(Filters.eq("_id", messageId), Updates.combine(Updates.set("queue", queue), Updates.set("body", kept),
                Updates.set("run_id", runId), Updates.set("status", status.value()),
                Updates.set("error", new Document("code", code).append("reason", reason)), Updates.set("at", now),
                Updates.inc("attempts", 1), Updates.setOnInsert("createdAt", now)), new UpdateOptions().upsert(true));
    }

    public Document find(String messageId) {
        return records.find(Filters.eq("_id", messageId)).first();
    }
}
