package io.mediasync.resync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resync.config.ResyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * {@code resync_messages}: the work and result messages that failed or were rejected, one record per SQS message
 * with its reason and status (retrying, dead_lettered, failed), so nothing reaches a DLQ without a record. It is the
 * handlers' {@link FailureRecorder}: a final failure (failed, dead-lettered) is also noted on its run when known.
 */
@ApplicationScoped
public class MessageRecords implements FailureRecorder {

    private static final int MAX_BODY = 10_000;

    private final MongoCollection<MessageRecord> records;
    private final Runs runs;
    private final Clock clock;

    public MessageRecords(MongoDatabase db, ResyncConfig config, Runs runs, Clock clock) {
        this.records = MessageRecord.CODEC.typed(db.getCollection(config.messagesCollection()));
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        Optional<String> runId = delivery.fact("runId");
        record(delivery.message().messageId(), delivery.message().queueName(), delivery.message().body(), runId.orElse(null),
                outcome.recordStatus(), failure.code(), failure.reason());
        if (outcome != Outcome.RETRYING) { // the run keeps what is final (each failed attempt of a run's step is noted by RunDriver)
            runId.ifPresent(id -> runs.error(id, outcome.status() + " " + delivery.message().queueName(), failure.code(), failure.reason()));
        }
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
