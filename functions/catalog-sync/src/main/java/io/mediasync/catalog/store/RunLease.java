package io.mediasync.catalog.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.mediasync.catalog.config.CatalogRunConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Two runs never overlap, across Lambda instances: a lease document in MongoDB ({@code _id: "run"}) names the run
 * holding it until {@code expiresAt} (renewed page by page, so a crashed holder frees it by itself). The same
 * collection holds the schedule's window claim ({@code _id: "schedule-window"}).
 */
@ApplicationScoped
public class RunLease {

    private static final String LEASE = "run";
    private static final String WINDOW = "schedule-window";

    private final MongoCollection<Document> leases;

    public RunLease(MongoDatabase db, CatalogRunConfig config) {
        this.leases = db.getCollection(config.leaseCollection());
    }

    /** Takes the lease for {@code runId}; empty if taken, else the id of the run holding it. */
    public Optional<String> acquire(String runId, String trigger, Duration ttl) {
        Date now = new Date();
        Bson free = Filters.and(Filters.eq("_id", LEASE), Filters.or(Filters.eq("runId", null), Filters.lt("expiresAt", now)));
        if (upsertWon(free, Updates.combine(Updates.set("runId", runId), Updates.set("trigger", trigger),
                Updates.set("acquiredAt", now), Updates.set("expiresAt", new Date(now.getTime() + ttl.toMillis()))))) {
            return Optional.empty();
        }
        return Optional.of(holder().orElse("unknown"));
    }

    /** The run holding the lease now, if any. */
    public Optional<String> holder() {
        Document lease = leases.find(Filters.and(Filters.eq("_id", LEASE), Filters.gte("expiresAt", new Date()))).first();
        return Optional.ofNullable(lease == null ? null : lease.getString("runId"));
    }

    public void renew(String runId, Duration ttl) {
        leases.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("runId", runId)),
                Updates.set("expiresAt", new Date(System.currentTimeMillis() + ttl.toMillis())));
    }

    public void release(String runId) {
        leases.updateOne(Filters.and(Filters.eq("_id", LEASE), Filters.eq("runId", runId)),
                Updates.combine(Updates.set("runId", null), Updates.set("expiresAt", new Date())));
    }

    /** Claims the schedule window {@code index}; false if a scheduled run already claimed it. */
    public boolean claimWindow(long index) {
        return upsertWon(Filters.and(Filters.eq("_id", WINDOW), Filters.ne("window", index)),
                Updates.combine(Updates.set("window", index), Updates.set("claimedAt", new Date())));
    }

    /** Gives the window back (its run ended in error), so a retry of the schedule runs again. */
    public void releaseWindow(long index) {
        leases.updateOne(Filters.and(Filters.eq("_id", WINDOW), Filters.eq("window", index)), Updates.unset("window"));
    }

    /** An update-or-insert whose filter did not match an existing document collides on _id: someone else holds it. */
    private boolean upsertWon(Bson filter, Bson update) {
        try {
            var result = leases.updateOne(filter, update, new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
