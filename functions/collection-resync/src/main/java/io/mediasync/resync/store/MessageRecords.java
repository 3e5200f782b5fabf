package io.mediasync.resync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resync.config.ResyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;

/**
 * {@code resync_messages}: the work and result messages that failed or were rejected, one record per SQS message
 * with its reason and status (retrying, dead_lettered, failed), so nothing reaches a DLQ without a record.
 */
@ApplicationScoped
public class MessageRecords {

    private static final int MAX_BODY = 10_000;

    private final MongoCollection<MessageRecord> records;
    private final Clock clock;

    public MessageRecords(MongoDatabase db, ResyncConfig config, Clock clock) {
        this.records = MessageRecord.CODEC.typed(db.getCollection(config.messagesCollection()));
        this.clock = clock;
    }

    public void record(String messageId, String queue, String body, String runId, RecordStatus status, String code, String reason) {
        Date now = Date.from(clock.instant());
        String kept = body == null ? null : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        records.updateOne(Filters.eq(MessageRecord.MESSAGE_ID, messageId), Updates.combine(Updates.set(MessageRecord.QUEUE, queue),
                Updates.set(MessageRecord.BODY, kept), Updates.set(MessageRecord.RUN_ID, runId),
                Updates.set(MessageRecord.STATUS, status.value()),
                Updates.set(MessageRecord.ERROR, RecordedError.of(code, reason).toDocument()), Updates.set(MessageRecord.AT, now),
                Updates.inc(MessageRecord.ATTEMPTS, 1), Updates.setOnInsert(MessageRecord.CREATED_AT, now)),
                new UpdateOptions().upsert(true));
    }

    public MessageRecord find(String messageId) {
        return records.find(Filters.eq(MessageRecord.MESSAGE_ID, messageId)).first();
    }
}
