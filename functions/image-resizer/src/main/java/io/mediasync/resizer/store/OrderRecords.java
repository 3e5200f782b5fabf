package io.mediasync.resizer.store;

import static io.mediasync.common.failure.RecordStatus.DONE;
import static io.mediasync.common.failure.RecordStatus.FAILED;
import static io.mediasync.common.failure.RecordStatus.PROCESSING;
import static io.mediasync.common.failure.RecordStatus.REJECTED;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.config.ResizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One MongoDB document per delivered order, keyed by the SQS message id, so a redelivery finds
 * the work already done. Status: processing → done | rejected | failed | retrying | dead_lettered.
 */
@ApplicationScoped
public class OrderRecords {

    /** A record in one of these is never started again: its order is over. */
    private static final List<String> FINISHED = List.of(DONE.value(), REJECTED.value(), FAILED.value());

    private final MongoCollection<Document> records;
    private volatile boolean indexed;

    public OrderRecords(MongoDatabase db, ResizerConfig config) {
        this.records = db.getCollection(config.recordsCollection());
    }

    public Optional<Document> find(String recordId) {
        return Optional.ofNullable(records.find(Filters.eq("_id", recordId)).first());
    }

    /** A finished order with the same content, completed after {@code since}. */
    public Optional<Document> recentDone(String orderKey, Instant since, String excludeId) {
        ensureIndexes();
        return Optional.ofNullable(records.find(Filters.and(Filters.eq("orderKey", orderKey), Filters.eq("status", DONE.value()),
                Filters.gte("completedAt", Date.from(since)), Filters.ne("_id", excludeId)))
                .sort(Sorts.descending("completedAt")).first());
    }

    /**
     * Starts (or resumes, on a redelivery) the record of this delivery, in one round trip: empty when the record is
     * already finished (done, rejected or failed: a redelivery to ignore). The filter leaves a finished record alone,
     * so the upsert then collides with its _id instead of reopening it.
     */
    public Optional<Document> begin(SqsMessage message, String orderKey, OrderOrigin origin, Optional<String> orderId) {
        ensureIndexes();
        Date now = new Date();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("createdAt", now),
                Updates.setOnInsert("orderKey", orderKey),
                Updates.setOnInsert("body", message.body()),
                Updates.setOnInsert("queue", message.queueName()),
                Updates.setOnInsert("origin", origin.label()),
                Updates.set("status", PROCESSING.value()),
                Updates.set("receiveCount", message.receiveCount()),
                Updates.set("updatedAt", now),
                Updates.inc("attempts", 1)));
        orderId.ifPresent(id -> updates.add(Updates.set("orderId", id)));
        try {
            return Optional.of(records.findOneAndUpdate(Filters.and(Filters.eq("_id", message.messageId()),
                    Filters.nin("status", FINISHED)), Updates.combine(updates),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Several fields at once: a step's outcomes in one write. */
    public void set(String recordId, Document fields) {
        List<Bson> updates = new ArrayList<>();
        fields.forEach((k, v) -> updates.add(Updates.set(k, v)));
        update(recordId, Updates.combine(updates));
    }

    public void set(String recordId, String field, Object value) {
        update(recordId, Updates.set(field, value));
    }

    public void finish(String recordId, RecordStatus status, Document extra) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("status", status.value()));
        updates.add(Updates.set("completedAt", new Date()));
        updates.add(Updates.unset("lastError"));
        extra.forEach((k, v) -> updates.add(Updates.set(k, v)));
        update(recordId, Updates.combine(updates));
    }

    /** A permanent problem: rejected (bad message) or failed (bad image); never retried. */
    public void finishWithError(String recordId, RecordStatus status, String code, String reason) {
        finishWithError(recordId, status, code, reason, new Document());
    }

    /** As above, with other fields of the same step written in the same round trip. */
    public void finishWithError(String recordId, RecordStatus status, String code, String reason, Document extra) {
        finish(recordId, status, new Document(extra).append("error", new Document("code", code).append("reason", reason)));
    }

    /**
     * A message that did not finish: given back (retrying), on its way to the DLQ (dead_lettered), or failed for
     * good. Upserted, so a message given back before it was ever started still leaves its record and body.
     */
    public void recordFailure(SqsMessage message, RecordStatus status, String code, String reason) {
        Date now = new Date();
        Document error = new Document("code", code).append("reason", reason).append("at", now);
        List<Bson> updates = new ArrayList<>(List.of(Updates.setOnInsert("createdAt", now),
                Updates.setOnInsert("body", message.body()), Updates.setOnInsert("queue", message.queueName()),
                Updates.set("status", status.value()), Updates.set("receiveCount", message.receiveCount()),
                Updates.set("updatedAt", now), Updates.push("errors", error)));
        if (status == FAILED) {
            updates.add(Updates.set("error", error));
            updates.add(Updates.set("completedAt", now));
            updates.add(Updates.unset("lastError"));
        } else {
            updates.add(Updates.set("lastError", error));
        }
        records.updateOne(Filters.eq("_id", message.messageId()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    private void update(String recordId, Bson update) {
        records.updateOne(Filters.eq("_id", recordId), Updates.combine(update, Updates.set("updatedAt", new Date())));
    }

    private void ensureIndexes() {
        if (!indexed) {
            records.createIndex(Indexes.ascending("orderKey", "completedAt"));
            indexed = true;
        }
    }
}
