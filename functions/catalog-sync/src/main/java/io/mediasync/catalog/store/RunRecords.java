package io.mediasync.catalog.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code catalog_sync_runs}, one {@link SyncRun} per run: begun, finished with its result, or recorded as a queued run
 * that could not run. Finished runs expire after CATALOG_RUNS_RETENTION (a TTL index on {@code endedAt}).
 */
@ApplicationScoped
public class RunRecords {

    private final MongoCollection<Document> documents;
    private final MongoCollection<SyncRun> runs;
    private final long retentionSeconds;
    private final Clock clock;
    private volatile boolean indexed;

    public RunRecords(MongoDatabase db, CatalogRunConfig config, Clock clock) {
        this.documents = db.getCollection(config.runsCollection());
        this.runs = SyncRun.CODEC.typed(documents);
        this.retentionSeconds = config.runsRetention().toSeconds();
        this.clock = clock;
    }

    public void begin(String runId, SyncRun.Trigger trigger) {
        ensureIndexes();
        Date now = Date.from(clock.instant());
        documents.updateOne(Filters.eq(SyncRun.ID, runId), Updates.combine(Updates.setOnInsert(SyncRun.TRIGGER, trigger.value()),
                Updates.set(SyncRun.STATUS, SyncRun.Status.RUNNING.value()), Updates.set(SyncRun.STARTED_AT, now),
                Updates.set(SyncRun.UPDATED_AT, now)), new UpdateOptions().upsert(true));
    }

    /**
     * @param status ok, error, refused (a feed over a limit) or failed (broke midway: tried again if it was queued)
     * @param detail what went wrong, for people (the error's {@code reason}); its code is the result's reason
     */
    public void finish(String runId, SyncRun.Status status, SeedResult result, RunCounts counts, SyncRun.Timings timings, String detail) {
        Date now = Date.from(clock.instant());
        // an ok run that was given back before (already_running, MongoDB trouble) keeps no stale error
        Bson error = result.ok() ? Updates.unset(SyncRun.ERROR)
                : Updates.set(SyncRun.ERROR, RecordedError.of(result.reason(), detail).toDocument());
        documents.updateOne(Filters.eq(SyncRun.ID, runId), Updates.combine(Updates.set(SyncRun.DATA, result.storedData()),
                Updates.set(SyncRun.DATE, result.date()), Updates.set(SyncRun.RESPONSE, result.response()),
                Updates.set(SyncRun.STATUS, status.value()), Updates.set(SyncRun.COUNTS, counts.totals().toDocument()),
                Updates.set(SyncRun.SKIPPED, counts.skipped().stream().map(SyncRun.Skip::toDocument).toList()),
                Updates.set(SyncRun.TIMINGS, timings.toDocument()), Updates.set(SyncRun.ENDED_AT, now),
                Updates.set(SyncRun.UPDATED_AT, now), error));
    }

    /** A queued run that could not run (MongoDB or SQS trouble): its status and why. */
    public void recordFailure(String runId, RecordStatus status, String code, String reason) {
        ensureIndexes();
        Date now = Date.from(clock.instant());
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(SyncRun.STATUS, SyncRun.Status.of(status).value()),
                Updates.set(SyncRun.ERROR, RecordedError.of(code, reason).toDocument()), Updates.set(SyncRun.UPDATED_AT, now),
                Updates.setOnInsert(SyncRun.TRIGGER, SyncRun.Trigger.SYNCAST.value())));
        if (status != RecordStatus.RETRYING) {
            updates.add(Updates.set(SyncRun.ENDED_AT, now));
        }
        documents.updateOne(Filters.eq(SyncRun.ID, runId), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** Whether this run already ended with a result (a queued run delivered twice runs once; a failed one runs again). */
    public boolean ended(String runId) {
        List<String> ended = Arrays.stream(SyncRun.Status.values()).filter(SyncRun.Status::endedWithResult)
                .map(SyncRun.Status::value).toList();
        return documents.find(Filters.and(Filters.eq(SyncRun.ID, runId), Filters.in(SyncRun.STATUS, ended))).first() != null;
    }

    public Optional<SyncRun> find(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq(SyncRun.ID, runId)).first());
    }

    /** GET /api/synlast: every kept result (or the latest {@code count}), oldest first, in the seed's shape. */
    public ArrayNode results(Integer count) {
        List<SyncRun> found = new ArrayList<>();
        var query = runs.find(Filters.exists(SyncRun.RESPONSE)).sort(Sorts.descending(SyncRun.ENDED_AT, SyncRun.ID));
        (count == null ? query : query.limit(count)).into(found);
        Collections.reverse(found);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        found.forEach(run -> out.add(run.result().toJson()));
        return out;
    }

    private void ensureIndexes() {
        if (!indexed) {
            documents.createIndex(Indexes.ascending(SyncRun.ENDED_AT), new IndexOptions().expireAfter(retentionSeconds, TimeUnit.SECONDS));
            indexed = true;
        }
    }
}
