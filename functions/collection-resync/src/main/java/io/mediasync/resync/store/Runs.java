package io.mediasync.resync.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
 * Run records ({@code resync_runs}): phase, watermark from/to, counts, timings, errors, the cursor of the step in
 * progress, and a lease so one invocation at a time advances a run. Also one watermark record per collection
 * ({@code _id: "watermark:<collection>"}), moved forward only when a run's work is committed.
 */
@ApplicationScoped
public class Runs {

    public static final String PROVIDING = "providing";
    public static final String EXECUTING = "executing";
    public static final String APPLYING = "applying";
    public static final String COMPLETED = "completed";
    public static final List<String> ACTIVE = List.of(PROVIDING, EXECUTING);

    private final MongoCollection<Document> runs;
    private final ResyncConfig config;
    private final Clock clock;

    public Runs(MongoDatabase db, ResyncConfig config, Clock clock) {
        this.runs = db.getCollection(config.runsCollection());
        this.config = config;
        this.clock = clock;
    }

    public void createIndexes() {
        runs.createIndex(Indexes.ascending("phase", "collection"));
        runs.createIndex(Indexes.ascending("completedAt"), new IndexOptions().expireAfter(config.runsRetention().toSeconds(), TimeUnit.SECONDS));
    }

    /** Inserts the run, or finds the one already there (a schedule delivered twice starts one run). @return true if new */
    public boolean create(Document run) {
        try {
            runs.insertOne(run);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Document> get(String runId) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", runId)).first());
    }

    /**
     * Takes the run for one invocation: only an active run, not leased by a live invocation, and not already moved
     * past this continuation ({@code seq}). @return the run, or empty when it cannot be taken now
     */
    public Optional<Document> acquire(String runId, long seq, Duration lease) {
        Date now = now();
        Bson free = Filters.or(Filters.exists("lease_until", false), Filters.lt("lease_until", now));
        return Optional.ofNullable(runs.findOneAndUpdate(Filters.and(Filters.eq("_id", runId), Filters.in("phase", ACTIVE),
                Filters.lte("seq", seq), free), Updates.combine(Updates.set("seq", seq), Updates.set("lease_until",
                        Date.from(now.toInstant().plus(lease))), Updates.inc("invocations", 1), Updates.set("updatedAt", now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Frees the run for its follow-up invocation {@code nextSeq}; earlier continuations can no longer take it. */
    public void handOver(String runId, long nextSeq) {
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(Updates.set("seq", nextSeq), Updates.unset("lease_until"),
                Updates.set("updatedAt", now())));
    }

    public void release(String runId) {
        runs.updateOne(Filters.eq("_id", runId), Updates.unset("lease_until"));
    }

    /** Saves where the phase stopped, with the counts of the step just done. */
    public void progress(String runId, Document cursor, Map<String, Integer> counts) {
        RunMetrics.counted(counts);
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("cursor", cursor), Updates.set("updatedAt", now())));
        counts.forEach((name, n) -> {
            if (n != 0) {
                updates.add(Updates.inc("counts." + name, n));
            }
        });
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(updates));
    }

    public void count(String runId, Map<String, Integer> counts) {
        List<Bson> updates = new ArrayList<>();
        counts.forEach((name, n) -> {
            if (n != 0) {
                updates.add(Updates.inc("counts." + name, n));
            }
        });
        if (!updates.isEmpty() && runId != null) {
            runs.updateOne(Filters.eq("_id", runId), Updates.combine(updates));
            RunMetrics.counted(counts);
        }
    }

    /** Moves the run from one phase to the next (once), noting when, and starting the next phase's cursor. */
    public boolean advance(String runId, String from, String to) {
        Date now = now();
        return runs.updateOne(Filters.and(Filters.eq("_id", runId), Filters.eq("phase", from)), Updates.combine(
                Updates.set("phase", to), Updates.set("timings." + from + "EndedAt", now), Updates.set("cursor", new Document()),
                Updates.set("updatedAt", now))).getModifiedCount() == 1;
    }

    public void error(String runId, String phase, String code, String reason) {
        Document error = new Document("at", now()).append("phase", phase).append("code", code).append("reason", reason);
        runs.updateOne(Filters.eq("_id", runId), Updates.combine(Updates.pushEach("errors", List.of(error),
                new com.mongodb.client.model.PushOptions().slice(-config.maxRecordedErrors())), Updates.inc("counts.errors", 1)));
    }

    /**
     * Completes a run whose rows are all gone (every document it provided written, gone or current). The watermark
     * then moves to the start of the newest run that completed with every earlier run of the collection, never
     * backwards: a change is never skipped because a later run finished first. @return true if this call completed it
     */
    public boolean complete(Document run) {
        Date now = now();
        Date started = run.get("timings", new Document()).getDate("startedAt");
        boolean done = runs.updateOne(Filters.and(Filters.eq("_id", run.getString("_id")), Filters.eq("phase", APPLYING)),
                Updates.combine(Updates.set("phase", COMPLETED), Updates.set("completedAt", now),
                        Updates.set("timings.totalMs", started == null ? null : now.getTime() - started.getTime()),
                        Updates.unset("cursor"), Updates.set("updatedAt", now))).getModifiedCount() == 1;
        if (done) {
            advanceWatermark(run.getString("collection"));
        }
        return done;
    }

    private void advanceWatermark(String collection) {
        Bson bearing = Filters.and(Filters.eq("collection", collection), Filters.ne("watermark.to", null));
        Document earliestOpen = runs.find(Filters.and(bearing, Filters.ne("phase", COMPLETED))).sort(Sorts.ascending("watermark.to")).first();
        Bson done = Filters.and(bearing, Filters.eq("phase", COMPLETED));
        if (earliestOpen != null) {
            done = Filters.and(done, Filters.lt("watermark.to", earliestOpen.get("watermark", Document.class).getDate("to")));
        }
        Document newest = runs.find(done).sort(Sorts.descending("watermark.to")).first();
        if (newest != null) {
            runs.updateOne(Filters.eq("_id", watermarkId(collection)), Updates.combine(
                    Updates.max("to", newest.get("watermark", Document.class).getDate("to")), Updates.set("collection", collection)),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Up to which updatedAt every change of the collection is committed, if a run ever completed. */
    public Optional<Date> watermark(String collection) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", watermarkId(collection))).first()).map(w -> w.getDate("to"));
    }

    /** The runs waiting for their results. */
    public List<Document> applying() {
        return runs.find(Filters.eq("phase", APPLYING)).into(new ArrayList<>());
    }

    /** Active runs no invocation holds that have not moved since {@code before}. */
    public List<Document> stalled(String collection, Date before) {
        Date now = now();
        return runs.find(Filters.and(Filters.eq("collection", collection), Filters.in("phase", ACTIVE), Filters.lt("updatedAt", before),
                Filters.or(Filters.exists("lease_until", false), Filters.lt("lease_until", now)))).into(new ArrayList<>());
    }

    public Date now() {
        return Date.from(clock.instant());
    }

    private static String watermarkId(String collection) {
        return "watermark:" + collection;
    }
}
