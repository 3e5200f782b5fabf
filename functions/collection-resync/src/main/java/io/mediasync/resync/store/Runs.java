package io.mediasync.resync.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.common.mongo.DuplicateKey;
import io.mediasync.common.mongo.Lease;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.resync.config.ResyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Run records ({@code resync_runs}, {@link ResyncRun}): phase, watermark from/to, counts, timings, errors, the cursor
 * of the step in progress, and the {@link Lease} ({@code leaseHolder}/{@code leaseUntil}) of the one invocation that
 * advances a run at a time. Also one {@link Watermark} record per collection beside the runs, moved forward only when
 * a run's work is committed.
 */
@ApplicationScoped
public class Runs {

    private final MongoCollection<ResyncRun> runs;
    private final MongoCollection<Watermark> watermarks;
    private final Lease lease;
    private final ResyncConfig config;
    private final Clock clock;

    public Runs(MongoDatabase db, ResyncConfig config, Clock clock) {
        MongoCollection<Document> documents = db.getCollection(config.runsCollection());
        this.runs = ResyncRun.CODEC.typed(documents);
        this.watermarks = Watermark.CODEC.typed(documents);
        this.lease = new Lease(documents, clock);
        this.config = config;
        this.clock = clock;
    }

    public void createIndexes() {
        runs.createIndex(Indexes.ascending(ResyncRun.PHASE, ResyncRun.COLLECTION));
        runs.createIndex(Indexes.ascending(ResyncRun.COMPLETED_AT),
                new IndexOptions().expireAfter(config.runsRetention().toSeconds(), TimeUnit.SECONDS));
    }

    /** Inserts the run, or finds the one already there (a schedule delivered twice starts one run). @return true if new */
    public boolean create(ResyncRun run) {
        try {
            runs.insertOne(run);
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKey.in(e)) {
                return false;
            }
            throw e;
        }
    }

    public Optional<ResyncRun> get(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq(ResyncRun.ID, runId)).first());
    }

    /**
     * Takes the run for one invocation ({@code holder}): only an active run, not leased by a live invocation, and not
     * already moved past this continuation ({@code seq}). @return the run, or empty when it cannot be taken now
     */
    public Optional<ResyncRun> acquire(String runId, long seq, String holder, Duration ttl) {
        Bson condition = Filters.and(Filters.in(ResyncRun.PHASE, ResyncRun.Phase.activeValues()), Filters.lte(ResyncRun.SEQ, seq));
        Bson alsoSet = Updates.combine(Updates.set(ResyncRun.SEQ, seq), Updates.inc(ResyncRun.INVOCATIONS, 1),
                Updates.set(ResyncRun.UPDATED_AT, now()));
        return lease.acquire(runId, holder, ttl, condition, alsoSet, false).map(ResyncRun::read);
    }

    /**
     * Frees the run for its follow-up invocation {@code nextSeq}; earlier continuations can no longer take it.
     * @return false when {@code holder} no longer held it (its lease ran out and another invocation took the run)
     */
    public boolean handOver(String runId, String holder, long nextSeq) {
        return lease.handOver(runId, holder, Updates.combine(Updates.set(ResyncRun.SEQ, nextSeq), Updates.set(ResyncRun.UPDATED_AT, now())));
    }

    /** Frees the run at once. @return false when {@code holder} no longer held it */
    public boolean release(String runId, String holder) {
        return lease.release(runId, holder);
    }

    /** Saves where the phase stopped, with the counts of the step just done. */
    public void progress(String runId, Document cursor, Map<RunCount, Integer> counts) {
        RunMetrics.counted(counts);
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(ResyncRun.CURSOR, cursor), Updates.set(ResyncRun.UPDATED_AT, now())));
        updates.addAll(increments(counts));
        runs.updateOne(Filters.eq(ResyncRun.ID, runId), Updates.combine(updates));
    }

    public void count(String runId, Map<RunCount, Integer> counts) {
        List<Bson> updates = increments(counts);
        if (!updates.isEmpty() && runId != null) {
            runs.updateOne(Filters.eq(ResyncRun.ID, runId), Updates.combine(updates));
            RunMetrics.counted(counts);
        }
    }

    private static List<Bson> increments(Map<RunCount, Integer> counts) {
        List<Bson> updates = new ArrayList<>();
        counts.forEach((count, n) -> {
            if (n != 0) {
                updates.add(Updates.inc(count.field(), n));
            }
        });
        return updates;
    }

    /** Moves the run from one phase to the next (once), noting when, and starting the next phase's cursor. */
    public boolean advance(String runId, ResyncRun.Phase from, ResyncRun.Phase to) {
        Date now = now();
        return runs.updateOne(Filters.and(Filters.eq(ResyncRun.ID, runId), Filters.eq(ResyncRun.PHASE, from.value())), Updates.combine(
                Updates.set(ResyncRun.PHASE, to.value()), Updates.set(ResyncRun.Timings.endedAt(from), now),
                Updates.set(ResyncRun.CURSOR, new Document()), Updates.set(ResyncRun.UPDATED_AT, now))).getModifiedCount() == 1;
    }

    /** Notes an error on the run (its last RESYNC_MAX_RECORDED_ERRORS are kept). @param where a phase, or an outcome and queue */
    public void error(String runId, String where, String code, String reason) {
        ResyncRun.RunError error = new ResyncRun.RunError(where, new RecordedError(code, reason, now()));
        runs.updateOne(Filters.eq(ResyncRun.ID, runId), Updates.combine(Updates.pushEach(ResyncRun.ERRORS, List.of(error.toDocument()),
                new PushOptions().slice(-config.maxRecordedErrors())), Updates.inc(RunCount.ERRORS.field(), 1)));
    }

    /**
     * Completes a run whose rows are all gone (every document it provided written, gone or current). The watermark
     * then moves to the start of the newest run that completed with every earlier run of the collection, never
     * backwards: a change is never skipped because a later run finished first. @return true if this call completed it
     */
    public boolean complete(ResyncRun run) {
        Date now = now();
        Date started = run.timings().startedAt();
        boolean done = runs.updateOne(Filters.and(Filters.eq(ResyncRun.ID, run.id()), Filters.eq(ResyncRun.PHASE, ResyncRun.Phase.APPLYING.value())),
                Updates.combine(Updates.set(ResyncRun.PHASE, ResyncRun.Phase.COMPLETED.value()), Updates.set(ResyncRun.COMPLETED_AT, now),
                        Updates.set(ResyncRun.TIMINGS + "." + ResyncRun.Timings.TOTAL_MS, started == null ? null : now.getTime() - started.getTime()),
                        Updates.unset(ResyncRun.CURSOR), Updates.set(ResyncRun.UPDATED_AT, now))).getModifiedCount() == 1;
        if (done) {
            advanceWatermark(run.collection());
        }
        return done;
    }

    private void advanceWatermark(String collection) {
        Bson bearing = Filters.and(Filters.eq(ResyncRun.COLLECTION, collection), Filters.ne(ResyncRun.WATERMARK_TO, null));
        ResyncRun earliestOpen = runs.find(Filters.and(bearing, Filters.ne(ResyncRun.PHASE, ResyncRun.Phase.COMPLETED.value())))
                .sort(Sorts.ascending(ResyncRun.WATERMARK_TO)).first();
        Bson done = Filters.and(bearing, Filters.eq(ResyncRun.PHASE, ResyncRun.Phase.COMPLETED.value()));
        if (earliestOpen != null) {
            done = Filters.and(done, Filters.lt(ResyncRun.WATERMARK_TO, earliestOpen.watermark().to()));
        }
        ResyncRun newest = runs.find(done).sort(Sorts.descending(ResyncRun.WATERMARK_TO)).first();
        if (newest != null) {
            watermarks.updateOne(Filters.eq(Watermark.ID, Watermark.idOf(collection)), Updates.combine(
                    Updates.max(Watermark.TO, newest.watermark().to()), Updates.set(Watermark.COLLECTION, collection)),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Up to which updatedAt every change of the collection is committed, if a run ever completed. */
    public Optional<Date> watermark(String collection) {
        return Optional.ofNullable(watermarks.find(Filters.eq(Watermark.ID, Watermark.idOf(collection))).first()).map(Watermark::to);
    }

    /** The runs waiting for their results. */
    public List<ResyncRun> applying() {
        return runs.find(Filters.eq(ResyncRun.PHASE, ResyncRun.Phase.APPLYING.value())).into(new ArrayList<>());
    }

    /** Active runs no invocation holds that have not moved since {@code before}. */
    public List<ResyncRun> stalled(String collection, Date before) {
        return runs.find(Filters.and(Filters.eq(ResyncRun.COLLECTION, collection), Filters.in(ResyncRun.PHASE, ResyncRun.Phase.activeValues()),
                Filters.lt(ResyncRun.UPDATED_AT, before), lease.free())).into(new ArrayList<>());
    }

    public Date now() {
        return Date.from(clock.instant());
    }

    /**
     * Up to which updatedAt every change of a collection is committed: one record per collection in resync_runs, beside
     * the runs ({@code _id: "watermark:<collection>"}), moved forward only when a run completes.
     */
    public record Watermark(String collection, Date to) {

        public static final String ID = "_id";
        public static final String COLLECTION = "collection";
        public static final String TO = "to";

        public static final RecordCodec<Watermark> CODEC = RecordCodec.readOnly(Watermark.class, Watermark::read);

        /** The record's {@code _id}: named so that no run id (a collection's name and a time) can be the same. */
        public static String idOf(String collection) {
            return "watermark:" + collection;
        }

        public static Watermark read(Document doc) {
            return new Watermark(doc.getString(COLLECTION), doc.getDate(TO));
        }
    }
}
