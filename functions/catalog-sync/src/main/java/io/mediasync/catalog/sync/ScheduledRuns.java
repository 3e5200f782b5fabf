package io.mediasync.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.catalog.store.RunLease;
import io.mediasync.catalog.store.SeedResult;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.common.lambda.Deadline;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The schedule's run (seed: every INTERVAL_SCHEDULER_SECONDS). EventBridge Scheduler delivers at least once, so a
 * scheduled run claims its window (epoch seconds / interval) first and a second delivery in the same window does
 * nothing; a run that ended in error, or broke midway, gives its window back. {@code {"force": true}} skips the claim.
 */
@ApplicationScoped
public class ScheduledRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledRuns.class);

    private final CatalogSync sync;
    private final RunLease lease;
    private final long intervalSeconds;
    private final Clock clock;

    public ScheduledRuns(CatalogSync sync, RunLease lease, CatalogRunConfig config, Clock clock) {
        this.sync = sync;
        this.lease = lease;
        this.intervalSeconds = Math.max(1, config.schedulerInterval().toSeconds());
        this.clock = clock;
    }

    public JsonNode fire(JsonNode input, Deadline deadline) {
        boolean force = input != null && input.path("force").asBoolean(false);
        long window = clock.instant().getEpochSecond() / intervalSeconds;
        if (!force && !lease.claimWindow(window)) {
            ObjectNode skipped = SeedResult.ok("skipped: a scheduled run already ran in this " + intervalSeconds + " s window",
                    clock.instant()).toJson();
            return skipped;
        }
        CatalogSync.Outcome outcome;
        try {
            outcome = sync.run(SyncRun.newId(clock), SyncRun.Trigger.SCHEDULE, false, deadline);
        } catch (RuntimeException e) {
            if (!force) {
                releaseWindow(window);
            }
            throw e;
        }
        if (!force && !outcome.result().ok()) {
            lease.releaseWindow(window);
        }
        return outcome.result().toJson().put("run_id", outcome.runId());
    }

    /** After a run that broke: the window goes back so the schedule's retry runs; if MongoDB refuses, the run's error stands. */
    private void releaseWindow(long window) {
        try {
            lease.releaseWindow(window);
        } catch (RuntimeException e) {
            LOG.warnf("schedule window %d could not be given back: %s", window, e.getMessage());
        }
    }
}
