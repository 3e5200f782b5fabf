package io.mediasync.sourcesync.downloader;

import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.sourcesync.store.Counts;
import io.mediasync.sourcesync.store.FileOutcome;
import io.mediasync.sourcesync.store.FileRecord;
import io.mediasync.sourcesync.store.FileRegistry;
import io.mediasync.sourcesync.store.RunStatus;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRun;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * The end of a run that went through the whole listing: files it did not see are marked deleted and
 * announced, the counts are taken from the registry (exact however often the run was interrupted), the
 * source's status is written and "source synchronized" is sent. Each step can be repeated safely.
 */
@ApplicationScoped
public class RunCompletion {

    private static final Logger LOG = Logger.getLogger(RunCompletion.class);

    private final FileRegistry registry;
    private final SyncRuns runs;
    private final SourceStore sources;
    private final EventPublisher events;
    private final Clock clock;

    public RunCompletion(FileRegistry registry, SyncRuns runs, SourceStore sources, EventPublisher events, Clock clock) {
        this.registry = registry;
        this.runs = runs;
        this.sources = sources;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param mayDelete false when the listing was cut short by a limit or not read (304): nothing is judged deleted
     * @param fullSync  whether every file was checked (not a 304)
     */
    public Counts complete(RunContext run, SyncRun summary, boolean mayDelete, boolean fullSync) {
        if (mayDelete) {
            announceDeletions(run);
        } else if (summary.truncated()) {
            LOG.warnf("listing truncated by a limit: no file is marked deleted in run %s", run.runId());
        }
        long failed = runs.failureCount(run.runId());
        Counts counts = new Counts(registry.countOutcome(run.sourceId(), run.runId(), FileOutcome.DOWNLOADED),
                registry.countOutcome(run.sourceId(), run.runId(), FileOutcome.SKIPPED),
                registry.countDeleted(run.sourceId(), run.runId()), failed);
        RunStatus status = failed > 0 ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.COMPLETED;
        RecordedError lastError = null;
        if (failed > 0) {
            RecordedError first = runs.firstFailure(run.runId()).map(SyncRun.FileFailure::error)
                    .orElse(RecordedError.of(null, null));
            lastError = new RecordedError("files_failed", failed + " file(s) could not be downloaded and were kept as they"
                    + " were; first: " + first.code() + " " + first.reason(), Date.from(clock.instant()));
        }
        // the records first: "source synchronized" is not authority, the orchestrator acts on the completed run
        sources.recordCompleted(run.sourceId(), run.runId(), status, counts, new SourceStore.Listing(summary.url(),
                summary.listingEtag(), summary.listingLastModified()), fullSync, lastError);
        runs.complete(run.runId(), status, counts);
        counted(counts);
        announce(run.sourceId(), run.runId(), status, summary.notModified(), counts);
        LOG.infof("source %d synchronized (%s): %d downloaded, %d skipped, %d deleted, %d failed", run.sourceId(), status,
                counts.downloaded(), counts.skipped(), counts.deleted(), counts.failed());
        return counts;
    }

    /** The run's counts as metrics, once, when it completes: exact however many invocations the run took. */
    private static void counted(Counts counts) {
        Metrics.count(Metric.FILES_NEW, counts.downloaded());
        Metrics.count(Metric.FILES_UNCHANGED, counts.skipped());
        Metrics.count(Metric.FILES_DELETED, counts.deleted());
        Metrics.count(Metric.FILES_FAILED, counts.failed());
    }

    /** Sends "source synchronized" for a completed run and notes it; again after a crash in between, by the planner. */
    public void announce(long sourceId, String runId, RunStatus status, boolean notModified, Counts counts) {
        events.publishSynchronized(new SourceSynchronizedEvent(sourceId, SourceSynchronizedEvent.EVENT, runId, status.value(),
                notModified ? Boolean.TRUE : null, counts.downloaded(), counts.skipped(), counts.deleted(), counts.failed()));
        runs.markAnnounced(runId);
    }

    private void announceDeletions(RunContext run) {
        List<FileRecord> gone = registry.deletionsToAnnounce(run.sourceId(), run.runId());
        List<FileEvent> deleted = new ArrayList<>();
        List<ObjectId> ids = new ArrayList<>();
        for (FileRecord file : gone) {
            registry.markDeleted(file.id(), run.runId());
            ids.add(file.id());
            deleted.add(FileEvent.of(file, FileEvent.DELETED, null, null, run.runId()));
        }
        events.publishFileEvents(deleted);
        ids.forEach(registry::markDeleteAnnounced);
        long dropped = registry.dropAbandonedReservations(run.sourceId(), run.runId());
        if (!gone.isEmpty() || dropped > 0) {
            LOG.infof("%d file(s) no longer listed: marked deleted and announced", gone.size());
        }
    }
}
