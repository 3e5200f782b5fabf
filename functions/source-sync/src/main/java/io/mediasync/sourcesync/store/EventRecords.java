package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * The {@code sync_events} collection ({@link EventRecord}), keyed by SQS message id: events the orchestrator could
 * not act on (not JSON, no source, unknown file or run; status rejected, not retried) and events that failed
 * (retrying, dead_lettered on their last receive, failed), each with its reason.
 */
@ApplicationScoped
public class EventRecords {

    private final MongoCollection<EventRecord> events;
    private final Clock clock;

    public EventRecords(MongoDatabase db, StorageConfig config, Clock clock) {
        this.events = EventRecord.CODEC.typed(db.getCollection(config.eventsCollection()));
        this.clock = clock;
    }

    public Optional<EventRecord> find(String messageId) {
        return Optional.ofNullable(events.find(Filters.eq(EventRecord.ID, messageId)).first());
    }

    public void recordRejected(String messageId, String queue, String body, String code, String reason) {
        recordFailure(messageId, queue, body, RecordStatus.REJECTED, code, reason);
    }

    public void recordFailure(String messageId, String queue, String body, RecordStatus status, String code, String reason) {
        Date now = Date.from(clock.instant());
        events.updateOne(Filters.eq(EventRecord.ID, messageId), Updates.combine(Updates.set(EventRecord.QUEUE, queue),
                Updates.set(EventRecord.BODY, body), Updates.set(EventRecord.STATUS, status.value()),
                Updates.set(EventRecord.ERROR, new RecordedError(code, reason, now).toDocument()),
                Updates.setOnInsert(EventRecord.CREATED_AT, now), Updates.set(EventRecord.UPDATED_AT, now),
                Updates.inc(EventRecord.DELIVERIES, 1)), new UpdateOptions().upsert(true));
    }
}
