package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.sourcesync.config.StorageConfig;
import io.mediasync.sourcesync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The {@code sync_runs} collection: one document per run of a source ({@code _id} = run id), holding the
 * listing snapshot the run works through (gzip JSON, so follow-up orders see the same list however the
 * source changes meanwhile), the cursor, the failures, the counts and the outcome. Orders that never became
 * a run (bad input, a duplicate of a running sync) are recorded here too, keyed {@code msg-<message id>}.
 */
@ApplicationScoped
public class SyncRuns {

    public static final String RUNNING = "running";
    public static final String REJECTED = RecordStatus.REJECTED.value();
    public static final String IGNORED = "ignored";

    private final MongoCollection<Document> runs;
    private volatile boolean indexed;

    private final Duration retention;

    public SyncRuns(MongoDatabase db, StorageConfig config, SyncConfig sync) {
        this.runs = db.getCollection(config.runsCollection());
        this.retention = sync.runsRetention();
    }

    public Optional<Document> find(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", runId)).first());
    }

    /** The run without its (large) listing. */
    public Optional<Document> findSummary(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", runId)).projection(Projections.exclude("listing")).first());
    }

    /** Creates the run, or finds it again on a redelivery of the order that started it. */
    public void begin(String runId, long sourceId, String messageId, String url, String contentPath) {
        ensureIndexes();
        Date now = new Date();
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(
                Updates.setOnInsert("source_id", sourceId), Updates.setOnInsert("status", RUNNING),
                Updates.setOnInsert("originMessageId", messageId), Updates.setOnInsert("url", url),
                Updates.setOnInsert("content_path", contentPath), Updates.setOnInsert("startedAt", now),
                Updates.setOnInsert("cursor", 0), Updates.set("updatedAt", now)), new UpdateOptions().upsert(true));
    }

    public void countInvocation(String runId, String messageId) {
        update(runId, Updates.combine(Updates.inc("invocations", 1), Updates.addToSet("messageIds", messageId)));
    }

    /** The listing snapshot; written once per run (a redelivery before it was written lists again). */
    public void saveListing(String runId, String adapter, byte[] gzipJson, int itemCount, boolean truncated,
            String etag, String lastModified, boolean notModified) {
        update(runId, Updates.combine(Updates.set("adapter", adapter), Updates.set("listing", new Binary(gzipJson)),
                Updates.set("itemCount", itemCount), Updates.set("truncated", truncated), Updates.set("listingEtag", etag),
                Updates.set("listingLastModified", lastModified), Updates.set("notModified", notModified),
                Updates.set("listedAt", new Date())));
    }

    /** Moves the cursor forward (never back, should an older invocation finish late). */
    public void checkpoint(String runId, int cursor) {
        runs.updateOne(Filters.and(Filters.eq("_id", runId), Filters.lt("cursor", cursor)),
                Updates.combine(Updates.set("cursor", cursor), Updates.set("updatedAt", new Date())));
    }

    /** A file that could not be fetched: counted once per remote file, details kept for the first few. */
    public void recordFileFailure(String runId, String failureKey, Document failure, int maxRecorded) {
        boolean first = runs.updateOne(Filters.eq("_id", runId), Updates.addToSet("failedKeys", failureKey))
                .getModifiedCount() == 1;
        if (first && failureCount(runId) <= maxRecorded) {
            runs.updateOne(Filters.eq("_id", runId), Updates.push("failures", failure.append("key", failureKey)));
        }
    }

    public long failureCount(String runId) {
        Document run = runs.find(Filters.eq("_id", runId)).projection(Projections.include("failedKeys")).first();
        return run == null ? 0 : run.getList("failedKeys", String.class, List.of()).size();
    }

    /** The first recorded failure, for the source's lastError. */
    public Optional<Document> firstFailure(String runId) {
        Document run = runs.find(Filters.eq("_id", runId)).projection(Projections.include("failures")).first();
        List<Document> failures = run == null ? List.of() : run.getList("failures", Document.class, List.of());
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }

    public void complete(String runId, String status, Counts counts) {
        Date now = new Date();
        update(runId, Updates.combine(Updates.set("status", status), Updates.set("counts", counts.toDocument()),
                Updates.set("endedAt", now), Updates.unset("listing")));
    }

    /** "source synchronized" went out for this completed run. */
    public void markAnnounced(String runId) {
        update(runId, Updates.set("announcedAt", new Date()));
    }

    /** A final failure of the run: failed (permanent) or dead_lettered (transient, last receive). */
    public void fail(String runId, String status, String code, String reason) {
        Date now = new Date();
        update(runId, Updates.combine(Updates.set("status", status), Updates.set("error", SourceStore.error(code, reason, now)),
                Updates.set("endedAt", now), Updates.unset("listing")));
    }

    /** A transient failure: the run stays running, SQS delivers its order again. */
    public void recordRetry(String runId, String code, String reason) {
        Document error = SourceStore.error(code, reason, new Date());
        update(runId, Updates.combine(Updates.set("lastError", error), Updates.inc("retries", 1)));
    }

    /** An order that did not become a run: bad input, unknown source, a duplicate or stale order. */
    public void recordNotRun(String messageId, String status, Long sourceId, String body, String code, String reason) {
        ensureIndexes();
        Date now = new Date();
        runs.updateOne(Filters.eq("_id", "msg-" + messageId), Updates.combine(Updates.set("status", status),
                Updates.set("source_id", sourceId), Updates.set("body", body),
                Updates.set("error", SourceStore.error(code, reason, now)), Updates.setOnInsert("startedAt", now),
                Updates.set("endedAt", now), Updates.set("updatedAt", now)), new UpdateOptions().upsert(true));
    }

    private void update(String runId, Bson update) {
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(update, Updates.set("updatedAt", new Date())));
    }

    private void ensureIndexes() {
        if (!indexed) {
            runs.createIndex(Indexes.ascending("source_id", "startedAt"), new IndexOptions());
            // running runs have no endedAt and never expire
            runs.createIndex(Indexes.ascending("endedAt"), new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
            indexed = true;
        }
    }
}
