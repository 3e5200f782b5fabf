package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.sourcesync.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.bson.Document;

/**
 * The {@code sync_events} collection, keyed by SQS message id: events the orchestrator could not act on (not
 * JSON, no source, unknown file or run; status rejected, not retried) and events that failed (retrying,
 * dead_lettered on their last receive, failed), each with its reason.
 */
@ApplicationScoped
public class EventRecords {

    private final MongoCollection<Document> events;

    public EventRecords(MongoDatabase db, StorageConfig config) {
        this.events = db.getCollection(config.eventsCollection());
    }

    public void recordRejected(String messageId, String queue, String body, String code, String reason) {
        recordFailure(messageId, queue, body, RecordStatus.REJECTED, code, reason);
    }

    public void recordFailure(String messageId, String queue, String body, RecordStatus status, String code, String reason) {
        Date now = new Date();
        events.updateOne(Filters.eq("_id", messageId), Updates.combine(Updates.set("queue", queue),
                Updates.set("body", body), Updates.set("status", status.value()),
                Updates.set("error", SourceStore.error(code, reason, now)), Updates.setOnInsert("createdAt", now),
                Updates.set("updatedAt", now), Updates.inc("deliveries", 1)), new UpdateOptions().upsert(true));
    }
}
