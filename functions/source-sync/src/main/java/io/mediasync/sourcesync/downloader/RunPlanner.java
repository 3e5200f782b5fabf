package io.mediasync.sourcesync.downloader;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.store.RunStatus;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRun;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Decides what an order means for its source's runs. A new order starts a run whose id derives from the SQS
 * message id, so a redelivery of that order resumes the same run; a follow-up order resumes its run if it
 * still is the source's current one. A new order while another run makes progress is recorded and dropped
 * (that run's follow-ups finish it); a run without progress for RUN_STALE_AFTER is abandoned to a new one.
 */
@ApplicationScoped
public class RunPlanner {

    /** Start (a new run), resume, or ignore (with the reason recorded). */
    public record Plan(String runId, boolean start, String ignoreCode, String ignoreReason) {

        public boolean ignored() {
            return ignoreCode != null;
        }
    }

    private final SyncRuns runs;
    private final SourceStore sources;
    private final RunCompletion completion;
    private final SyncConfig config;
    private final Clock clock;

    public RunPlanner(SyncRuns runs, SourceStore sources, RunCompletion completion, SyncConfig config, Clock clock) {
        this.runs = runs;
        this.sources = sources;
        this.completion = completion;
        this.config = config;
        this.clock = clock;
    }

    public Plan plan(SyncOrder order, SourceRecord source, String messageId) {
        String current = source.currentRunId();
        if (order.isFollowUp()) {
            Optional<SyncRun> run = runs.findSummary(order.runId());
            if (run.isEmpty() || !order.runId().equals(current)) {
                return ignore("stale_follow_up", "follow-up of run " + order.runId() + ", but the source's current run is "
                        + current);
            }
            if (!run.get().running()) {
                announceIfMissed(run.get());
                return ignore("stale_follow_up", "run " + order.runId() + " already ended " + stored(run.get().status()));
            }
            return new Plan(order.runId(), false, null, null);
        }
        String runId = "run-" + messageId;
        if (runId.equals(current)) {
            Optional<SyncRun> run = runs.findSummary(runId);
            if (run.isPresent() && run.get().running()) {
                return new Plan(runId, false, null, null); // the same order delivered again: carry on
            }
            run.ifPresent(this::announceIfMissed);
            return ignore("duplicate_order", "this order's run already ended " + run.map(r -> stored(r.status())).orElse(""));
        }
        if (current != null) {
            Optional<SyncRun> running = runs.findSummary(current).filter(SyncRun::running);
            if (running.isPresent()) {
                Date progress = running.get().updatedAt();
                if (progress != null && progress.toInstant().plus(config.runStaleAfter()).isAfter(clock.instant())) {
                    return ignore("already_running", "run " + current + " of this source is in progress (last progress "
                            + progress.toInstant() + "); it finishes the sync");
                }
                runs.fail(current, RunStatus.ABANDONED, "stale", "no progress since " + progress + ", replaced by " + runId);
            }
        }
        runs.begin(runId, order.sourceId(), messageId, order.url(), order.contentPath());
        sources.startRun(order.sourceId(), runId);
        return new Plan(runId, true, null, null);
    }

    /** A run completed by an attempt that stopped before "source synchronized" went out: send it now. */
    private void announceIfMissed(SyncRun run) {
        if (run.status() != null && run.status().completed() && run.announcedAt() == null) {
            completion.announce(run.sourceId(), run.id(), run.status(), run.notModified(), run.counts());
        }
    }

    /** The status as stored, for the reason recorded ("" when none is). */
    private static String stored(RunStatus status) {
        return status == null ? "" : status.value();
    }

    private static Plan ignore(String code, String reason) {
        return new Plan(null, false, code, reason);
    }
}
