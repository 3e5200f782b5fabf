package io.mediasync.catalog.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.common.mongo.DuplicateKey;
import io.mediasync.common.mongo.FieldRenames;
import io.mediasync.common.mongo.Lease;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.StoredValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Two runs never overlap, across Lambda instances: the common {@link Lease} on a document of its own
 * ({@code _id: "run"}), held by the run's id, renewed page by page, so a crashed holder frees it by itself. The same
 * collection holds the schedule's window claim ({@link ScheduleWindow}). Also holds the lease document as stored
 * ({@link State}).
 */
@ApplicationScoped
public class RunLease {

    /**
     * The run lease's document in {@code catalog_sync_lease} ({@code _id: "run"}): which run holds it and until when
     * (the common {@link Lease}'s {@code leaseHolder}/{@code leaseUntil}; both gone once released), and what started
     * it when. Written by {@link Lease}'s atomic updates only.
     */
    public record State(String holder, Date until, SyncRun.Trigger trigger, Date acquiredAt) {

        /** The one lease document's {@code _id}. */
        public static final String ID = "run";
        public static final String HOLDER = Lease.HOLDER;
        public static final String UNTIL = Lease.UNTIL;
        public static final String TRIGGER = "trigger";
        public static final String ACQUIRED_AT = "acquiredAt";

        public static final RecordCodec<State> CODEC = RecordCodec.readOnly(State.class, State::read);

        public static State read(Document lease) {
            return new State(lease.getString(HOLDER), lease.getDate(UNTIL),
                    StoredValue.known(SyncRun.Trigger.class, lease.getString(TRIGGER)), lease.getDate(ACQUIRED_AT));
        }
    }

    /** The lease's names before it was the common Lease: renamed once per container, so a lease held across the deploy stays held. */
    private static final Map<String, String> PREVIOUS_NAMES = Map.of("runId", Lease.HOLDER, "expiresAt", Lease.UNTIL);

    private final MongoCollection<Document> leases;
    private final Lease lease;
    private final Clock clock;
    private volatile boolean renamed;

    public RunLease(MongoDatabase db, CatalogRunConfig config, Clock clock) {
        this.leases = db.getCollection(config.leaseCollection());
        this.lease = new Lease(leases, clock);
        this.clock = clock;
    }

    /** Takes the lease for {@code runId}; empty if taken, else the id of the run holding it. */
    public Optional<String> acquire(String runId, SyncRun.Trigger trigger, Duration ttl) {
        renameOnce();
        var started = Updates.combine(Updates.set(State.TRIGGER, trigger.value()), Updates.set(State.ACQUIRED_AT, now()));
        if (lease.acquire(State.ID, runId, ttl, new Document(), started, true).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(holder().orElse("unknown"));
    }

    /** The run holding the lease now, if any. */
    public Optional<String> holder() {
        renameOnce();
        return lease.holder(State.ID);
    }

    /** The lease document as it is (also when nobody holds it), if a run ever took it. */
    public Optional<State> current() {
        return Optional.ofNullable(State.CODEC.typed(leases).find(Filters.eq("_id", State.ID)).first());
    }

    /** @return false if {@code runId} no longer holds the lease (it ran out and another run took it) */
    public boolean renew(String runId, Duration ttl) {
        return lease.renew(State.ID, runId, ttl);
    }

    public void release(String runId) {
        lease.release(State.ID, runId);
    }

    private void renameOnce() {
        if (!renamed) {
            FieldRenames.apply(leases, PREVIOUS_NAMES);
            renamed = true;
        }
    }

    /** Claims the schedule window {@code index}; false if a scheduled run already claimed it. */
    public boolean claimWindow(long index) {
        try {
            var result = leases.updateOne(Filters.and(Filters.eq("_id", ScheduleWindow.ID), Filters.ne(ScheduleWindow.WINDOW, index)),
                    Updates.combine(Updates.set(ScheduleWindow.WINDOW, index), Updates.set(ScheduleWindow.CLAIMED_AT, now())),
                    new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            // the filter missed the claim of this window, so the upsert's insert collided on _id: already claimed
            if (DuplicateKey.in(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the window back (its run ended in error), so a retry of the schedule runs again. */
    public void releaseWindow(long index) {
        leases.updateOne(Filters.and(Filters.eq("_id", ScheduleWindow.ID), Filters.eq(ScheduleWindow.WINDOW, index)),
                Updates.unset(ScheduleWindow.WINDOW));
    }

    /** The schedule's claim as it is, if a scheduled run ever claimed a window. */
    public Optional<ScheduleWindow> window() {
        return Optional.ofNullable(ScheduleWindow.CODEC.typed(leases).find(Filters.eq("_id", ScheduleWindow.ID)).first());
    }

    private Date now() {
        return Date.from(clock.instant());
    }
}
