package io.mediasync.local.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the functions recorded about a message, found by its SQS message id (a dead-lettered message keeps the id it
 * had on its source queue): an image order in {@code resize_orders}, an orchestrator event in {@code sync_events}, a
 * re-sync follow-up in {@code resync_messages} (all keyed by message id), a sync order or catalog run that never
 * started in {@code sync_runs} / {@code catalog_sync_runs} ({@code msg-<id>}), or a sync run the message drove
 * ({@code sync_runs.messageIds}).
 */
final class DeadLetterRecords implements AutoCloseable {

    record Found(String collection, Document record) {
        Object id() {
            return record.get("_id");
        }
    }

    /** One line of what a record says about a failure. */
    record Summary(String id, String status, String code, String reason, String attempts, Object firstFailure, Object lastFailure) {
    }

    private record Lookup(String collection, java.util.function.Function<String, Bson> filter) {
    }

    private static final List<Lookup> LOOKUPS = List.of(
            new Lookup("resize_orders", id -> Filters.eq("_id", id)),
            new Lookup("sync_events", id -> Filters.eq("_id", id)),
            new Lookup("resync_messages", id -> Filters.eq("_id", id)),
            new Lookup("sync_runs", id -> Filters.or(Filters.eq("_id", "msg-" + id), Filters.eq("messageIds", id),
                    Filters.eq("originMessageId", id))),
            new Lookup("catalog_sync_runs", id -> Filters.eq("_id", "msg-" + id)));

    private final MongoClient client;
    private final MongoDatabase db;

    DeadLetterRecords(String mongoUrl, String database) {
        this.client = MongoClients.create(mongoUrl);
        this.db = client.getDatabase(database);
    }

    MongoDatabase database() {
        return db;
    }

    Optional<Found> find(String messageId) {
        for (Lookup lookup : LOOKUPS) {
            Document record = db.getCollection(lookup.collection()).find(lookup.filter().apply(messageId)).first();
            if (record != null) {
                return Optional.of(new Found(lookup.collection(), record));
            }
        }
        return Optional.empty();
    }

    /** The redrive, on the record of the message that was dead-lettered: when, from where to where, its new message id. */
    void noteRedrive(Found found, String dlq, String queue, String newMessageId) {
        Document redrive = new Document("at", new Date()).append("from", dlq).append("to", queue).append("messageId", newMessageId);
        db.getCollection(found.collection()).updateOne(Filters.eq("_id", found.id()),
                Updates.combine(Updates.push("redrives", redrive), Updates.set("redrivenAs", newMessageId),
                        Updates.set("updatedAt", new Date())));
    }

    /** Status, reason and attempts, whichever function wrote the record (their field names differ a little). */
    static Summary summarize(Document r) {
        String status = first(r, "status", "lastSyncStatus").map(Object::toString).orElse("?");
        Document error = first(r, "error", "lastError").filter(Document.class::isInstance).map(Document.class::cast).orElse(new Document());
        String attempts = first(r, "attempts", "receiveCount", "deliveries", "invocations").map(Object::toString).orElse("?");
        Object firstFailure = r.getList("errors", Document.class, List.of()).stream().findFirst().map(e -> e.get("at"))
                .orElse(r.get("createdAt"));
        Object lastFailure = Optional.ofNullable(error.get("at")).orElse(r.get("updatedAt"));
        return new Summary(String.valueOf(r.get("_id")), status, error.getString("code"), error.getString("reason"), attempts,
                when(firstFailure), when(lastFailure));
    }

    /** A date as ISO-8601 UTC (2026-12-07T11:20:51Z); anything else as it is. */
    static Object when(Object value) {
        return value instanceof Date d ? d.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : value;
    }

    private static Optional<Object> first(Document r, String... names) {
        for (String name : names) {
            if (r.get(name) != null) {
                return Optional.of(r.get(name));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        client.close();
    }
}
