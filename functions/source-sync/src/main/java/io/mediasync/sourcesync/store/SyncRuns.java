package io.mediasync.sourcesync.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.config.StorageConfig;
import io.mediasync.sourcesync.config.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The {@code sync_runs} collection: one document per run of a source ({@code _id} = run id), holding the
 * listing snapshot the run works through (gzip JSON, so follow-up orders see the same list however the
 * source changes meanwhile), the cursor, the failures, the counts and the outcome. Orders that never became
 * a run (bad input, a duplicate of a running sync) are recorded here too, keyed {@code msg-<message id>}. The
 * fields are {@link SyncRun}'s; there is no lease: the source's {@code currentRunId} says which run owns it.
 */
@ApplicationScoped
public class SyncRuns {

    private final MongoCollection<SyncRun> runs;
    private volatile boolean indexed;

    private final Duration retention;
    private final Clock clock;

    public SyncRuns(MongoDatabase db, StorageConfig config, SyncConfig sync, Clock clock) {
        this.runs = SyncRun.CODEC.typed(db.getCollection(config.runsCollection()));
        this.retention = sync.runsRetention();
        this.clock = clock;
    }

    public Optional<SyncRun> find(String runId) {
        return Optional.ofNullable(runs.find(byId(runId)).first());
    }

    /** The run without its (large) listing. */
    public Optional<SyncRun> findSummary(String runId) {
        return Optional.ofNullable(runs.find(byId(runId)).projection(Projections.exclude(SyncRun.LISTING)).first());
    }

    /** Creates the run, or finds it again on a redelivery of the order that started it. */
    public void begin(String runId, long sourceId, String messageId, String url, String contentPath) {
        ensureIndexes();
        Date now = now();
        runs.updateOne(byId(runId), Updates.combine(
                Updates.setOnInsert(SyncRun.SOURCE_ID, sourceId), Updates.setOnInsert(SyncRun.STATUS, RunStatus.RUNNING.value()),
                Updates.setOnInsert(SyncRun.ORIGIN_MESSAGE_ID, messageId), Updates.setOnInsert(SyncRun.URL, url),
                Updates.setOnInsert(SyncRun.CONTENT_PATH, contentPath), Updates.setOnInsert(SyncRun.STARTED_AT, now),
                Updates.setOnInsert(SyncRun.CURSOR, 0), Updates.set(SyncRun.UPDATED_AT, now)), new UpdateOptions().upsert(true));
    }

    public void countInvocation(String runId, String messageId) {
        update(runId, Updates.combine(Updates.inc(SyncRun.INVOCATIONS, 1), Updates.addToSet(SyncRun.MESSAGE_IDS, messageId)));
    }

    /** The listing snapshot; written once per run (a redelivery before it was written lists again). */
    public void saveListing(String runId, String adapter, byte[] gzipJson, int itemCount, boolean truncated,
            String etag, String lastModified, boolean notModified) {
        update(runId, Updates.combine(Updates.set(SyncRun.ADAPTER, adapter), Updates.set(SyncRun.LISTING, new Binary(gzipJson)),
                Updates.set(SyncRun.ITEM_COUNT, itemCount), Updates.set(SyncRun.TRUNCATED, truncated),
                Updates.set(SyncRun.LISTING_ETAG, etag), Updates.set(SyncRun.LISTING_LAST_MODIFIED, lastModified),
                Updates.set(SyncRun.NOT_MODIFIED, notModified), Updates.set(SyncRun.LISTED_AT, now())));
    }

    /** Moves the cursor forward (never back, should an older invocation finish late). */
    public void checkpoint(String runId, int cursor) {
        runs.updateOne(Filters.and(byId(runId), Filters.lt(SyncRun.CURSOR, cursor)),
                Updates.combine(Updates.set(SyncRun.CURSOR, cursor), Updates.set(SyncRun.UPDATED_AT, now())));
    }

    /** A file that could not be fetched: counted once per remote file, details kept for the first few. */
    public void recordFileFailure(String runId, SyncRun.FileFailure failure, int maxRecorded) {
        boolean first = runs.updateOne(byId(runId), Updates.addToSet(SyncRun.FAILED_KEYS, failure.key()))
                .getModifiedCount() == 1;
        if (first && failureCount(runId) <= maxRecorded) {
            runs.updateOne(byId(runId), Updates.push(SyncRun.FAILURES, failure.toDocument()));
        }
    }

    public long failureCount(String runId) {
        SyncRun run = runs.find(byId(runId)).projection(Projections.include(SyncRun.FAILED_KEYS)).first();
        return run == null ? 0 : run.failedKeys().size();
    }

    /** The first recorded failure, for the source's lastError. */
    public Optional<SyncRun.FileFailure> firstFailure(String runId) {
        SyncRun run = runs.find(byId(runId)).projection(Projections.include(SyncRun.FAILURES)).first();
        return run == null ? Optional.empty() : run.failures().stream().findFirst();
    }

    public void complete(String runId, RunStatus status, Counts counts) {
        Date now = now();
        update(runId, Updates.combine(Updates.set(SyncRun.STATUS, status.value()), Updates.set(SyncRun.COUNTS, counts.toDocument()),
                Updates.set(SyncRun.ENDED_AT, now), Updates.unset(SyncRun.LISTING)));
    }

    /** "source synchronized" went out for this completed run. */
    public void markAnnounced(String runId) {
        update(runId, Updates.set(SyncRun.ANNOUNCED_AT, now()));
    }

    /** A final failure of the run: failed (permanent), dead_lettered (transient, last receive) or abandoned. */
    public void fail(String runId, RunStatus status, String code, String reason) {
        Date now = now();
        update(runId, Updates.combine(Updates.set(SyncRun.STATUS, status.value()),
                Updates.set(SyncRun.ERROR, new RecordedError(code, reason, now).toDocument()),
                Updates.set(SyncRun.ENDED_AT, now), Updates.unset(SyncRun.LISTING)));
    }

    /** A transient failure: the run stays running, SQS delivers its order again. */
    public void recordRetry(String runId, String code, String reason) {
        update(runId, Updates.combine(Updates.set(SyncRun.LAST_ERROR, new RecordedError(code, reason, now()).toDocument()),
                Updates.inc(SyncRun.RETRIES, 1)));
    }

    /** An order that did not become a run: bad input, unknown source, a duplicate or stale order. */
    public void recordNotRun(String messageId, RunStatus status, Long sourceId, String body, String code, String reason) {
        ensureIndexes();
        Date now = now();
        runs.updateOne(byId(SyncRun.notRunId(messageId)), Updates.combine(Updates.set(SyncRun.STATUS, status.value()),
                Updates.set(SyncRun.SOURCE_ID, sourceId), Updates.set(SyncRun.BODY, body),
                Updates.set(SyncRun.ERROR, new RecordedError(code, reason, now).toDocument()),
                Updates.setOnInsert(SyncRun.STARTED_AT, now), Updates.set(SyncRun.ENDED_AT, now),
                Updates.set(SyncRun.UPDATED_AT, now)), new UpdateOptions().upsert(true));
    }

    private void update(String runId, Bson update) {
        runs.updateOne(byId(runId), Updates.combine(update, Updates.set(SyncRun.UPDATED_AT, now())));
    }

    private static Bson byId(String runId) {
        return Filters.eq(SyncRun.ID, runId);
    }

    private void ensureIndexes() {
        if (!indexed) {
            runs.createIndex(Indexes.ascending(SyncRun.SOURCE_ID, SyncRun.STARTED_AT), new IndexOptions());
            // running runs have no endedAt and never expire
            runs.createIndex(Indexes.ascending(SyncRun.ENDED_AT), new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
            indexed = true;
        }
    }

    /** The injected clock's now, as the driver stores dates. */
    private Date now() {
        return Date.from(clock.instant());
    }
}
