package io.mediasync.resizer.store;

import static io.mediasync.common.failure.RecordStatus.DONE;
import static io.mediasync.common.failure.RecordStatus.FAILED;
import static io.mediasync.common.failure.RecordStatus.PROCESSING;
import static io.mediasync.common.failure.RecordStatus.REJECTED;
import static io.mediasync.resizer.store.OrderRecord.ATTEMPTS;
import static io.mediasync.resizer.store.OrderRecord.BODY;
import static io.mediasync.resizer.store.OrderRecord.COMPLETED_AT;
import static io.mediasync.resizer.store.OrderRecord.CREATED_AT;
import static io.mediasync.resizer.store.OrderRecord.ERROR;
import static io.mediasync.resizer.store.OrderRecord.ERRORS;
import static io.mediasync.resizer.store.OrderRecord.ID;
import static io.mediasync.resizer.store.OrderRecord.LAST_ERROR;
import static io.mediasync.resizer.store.OrderRecord.ORDER_ID;
import static io.mediasync.resizer.store.OrderRecord.ORDER_KEY;
import static io.mediasync.resizer.store.OrderRecord.ORIGIN;
import static io.mediasync.resizer.store.OrderRecord.QUEUE;
import static io.mediasync.resizer.store.OrderRecord.RECEIVE_COUNT;
import static io.mediasync.resizer.store.OrderRecord.STATUS;
import static io.mediasync.resizer.store.OrderRecord.UPDATED_AT;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.mongo.DuplicateKey;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resizer.order.OrderOrigin;
import io.mediasync.resizer.config.ResizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code resize_orders} collection: one {@link OrderRecord} per delivered order, keyed by the SQS message id, so a
 * redelivery finds the work already done. Status: processing → done | rejected | failed | retrying | dead_lettered.
 * Written field by field, each step's outcomes in one round trip; read back typed. Also the function's
 * {@link FailureRecorder}: a failure the common policy classified is written into the order's record.
 */
@ApplicationScoped
public class OrderRecords implements FailureRecorder {

    /** A record in one of these is never started again: its order is over. */
    private static final List<String> FINISHED = List.of(DONE.value(), REJECTED.value(), FAILED.value());

    private final MongoCollection<OrderRecord> records;
    private final Clock clock;
    private volatile boolean indexed;

    public OrderRecords(MongoDatabase db, ResizerConfig config, Clock clock) {
        this.records = OrderRecord.CODEC.typed(db.getCollection(config.recordsCollection()));
        this.clock = clock;
    }

    public Optional<OrderRecord> find(String recordId) {
        return Optional.ofNullable(records.find(Filters.eq(ID, recordId)).first());
    }

    /** A finished order with the same content, completed after {@code since}. */
    public Optional<OrderRecord> recentDone(String orderKey, Instant since, String excludeId) {
        ensureIndexes();
        return Optional.ofNullable(records.find(Filters.and(Filters.eq(ORDER_KEY, orderKey), Filters.eq(STATUS, DONE.value()),
                Filters.gte(COMPLETED_AT, Date.from(since)), Filters.ne(ID, excludeId)))
                .sort(Sorts.descending(COMPLETED_AT)).first());
    }

    /**
     * Starts (or resumes, on a redelivery) the record of this delivery, in one round trip: empty when the record is
     * already finished (done, rejected or failed: a redelivery to ignore). The filter leaves a finished record alone,
     * so the upsert then collides with its _id instead of reopening it.
     */
    public Optional<OrderRecord> begin(SqsMessage message, String orderKey, OrderOrigin origin, Optional<String> orderId) {
        ensureIndexes();
        Date now = now();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert(CREATED_AT, now),
                Updates.setOnInsert(ORDER_KEY, orderKey),
                Updates.setOnInsert(BODY, message.body()),
                Updates.setOnInsert(QUEUE, message.queueName()),
                Updates.setOnInsert(ORIGIN, origin.label()),
                Updates.set(STATUS, PROCESSING.value()),
                Updates.set(RECEIVE_COUNT, message.receiveCount()),
                Updates.set(UPDATED_AT, now),
                Updates.inc(ATTEMPTS, 1)));
        orderId.ifPresent(id -> updates.add(Updates.set(ORDER_ID, id)));
        try {
            return Optional.of(records.findOneAndUpdate(Filters.and(Filters.eq(ID, message.messageId()),
                    Filters.nin(STATUS, FINISHED)), Updates.combine(updates),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        } catch (MongoServerException e) {
            if (DuplicateKey.in(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Several fields at once ({@link OrderRecord}'s names): a step's outcomes in one write. */
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
        updates.add(Updates.set(STATUS, status.value()));
        updates.add(Updates.set(COMPLETED_AT, now()));
        updates.add(Updates.unset(LAST_ERROR));
        extra.forEach((k, v) -> updates.add(Updates.set(k, v)));
        update(recordId, Updates.combine(updates));
    }

    /** A permanent problem: rejected (bad message) or failed (bad image); never retried. {@code completedAt} says when. */
    public void finishWithError(String recordId, RecordStatus status, RecordedError error) {
        finishWithError(recordId, status, error, new Document());
    }

    /** As above, with other fields of the same step written in the same round trip. */
    public void finishWithError(String recordId, RecordStatus status, RecordedError error, Document extra) {
        finish(recordId, status, new Document(extra).append(ERROR, error.toDocument()));
    }

    /**
     * A message that did not finish: given back (retrying), on its way to the DLQ (dead_lettered), or failed for
     * good. Upserted, so a message given back before it was ever started still leaves its record and body.
     */
    public void recordFailure(SqsMessage message, RecordStatus status, String code, String reason) {
        Date now = now();
        Document error = new RecordedError(code, reason, now).toDocument();
        List<Bson> updates = new ArrayList<>(List.of(Updates.setOnInsert(CREATED_AT, now),
                Updates.setOnInsert(BODY, message.body()), Updates.setOnInsert(QUEUE, message.queueName()),
                Updates.set(STATUS, status.value()), Updates.set(RECEIVE_COUNT, message.receiveCount()),
                Updates.set(UPDATED_AT, now), Updates.push(ERRORS, error)));
        if (status == FAILED) {
            updates.add(Updates.set(ERROR, error));
            updates.add(Updates.set(COMPLETED_AT, now));
            updates.add(Updates.unset(LAST_ERROR));
        } else {
            updates.add(Updates.set(LAST_ERROR, error));
        }
        records.updateOne(Filters.eq(ID, message.messageId()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** The common policy's verdict on a failed message: retrying, dead_lettered (last receive) or failed. */
    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        recordFailure(delivery.message(), outcome.recordStatus(), failure.code(), failure.reason());
    }

    private void update(String recordId, Bson update) {
        records.updateOne(Filters.eq(ID, recordId), Updates.combine(update, Updates.set(UPDATED_AT, now())));
    }

    private void ensureIndexes() {
        if (!indexed) {
            records.createIndex(Indexes.ascending(ORDER_KEY, COMPLETED_AT));
            indexed = true;
        }
    }

    /** The injected clock's now, as the driver stores dates. */
    private Date now() {
        return Date.from(clock.instant());
    }
}
