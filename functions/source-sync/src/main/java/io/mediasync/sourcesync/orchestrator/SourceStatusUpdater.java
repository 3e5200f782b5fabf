package io.mediasync.sourcesync.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.postback.PostbackFailure;
import io.mediasync.common.postback.PostbackSender;
import io.mediasync.common.postback.PostbackStatus;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.sourcesync.store.Counts;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncAnnouncement;
import io.mediasync.sourcesync.store.SyncPostback;
import io.mediasync.sourcesync.store.SyncRun;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * "source synchronized": the event names a run (or, in the seed's shape, only the source: then its last
 * completed run); what is recorded and posted back comes from that run's record in sync_runs, and only if it
 * belongs to the source and has completed. The source gets {@code lastSynchronized}; if it has a
 * {@code sync_postback_url}, the run is POSTed there once (webhook-id {@code sync-<run id>}).
 */
@ApplicationScoped
public class SourceStatusUpdater {

    private static final Logger LOG = Logger.getLogger(SourceStatusUpdater.class);

    private final SourceStore sources;
    private final SyncRuns runs;
    private final PostbackSender postbacks;
    private final ObjectMapper json;
    private final Clock clock;

    public SourceStatusUpdater(SourceStore sources, SyncRuns runs, PostbackSender postbacks, ObjectMapper json, Clock clock) {
        this.sources = sources;
        this.runs = runs;
        this.postbacks = postbacks;
        this.json = json;
        this.clock = clock;
    }

    public void synchronizedRun(SyncEvent event, SourceRecord source, Deadline deadline)
            throws PostbackFailure, EventRejectedException {
        String runId = event.runId() != null ? event.runId() : source.lastRunId();
        SyncRun run = runId == null ? null : runs.findSummary(runId).orElse(null);
        if (run == null || run.status() == null || !run.status().completed() || run.sourceId() == null
                || run.sourceId() != event.sourceId()) {
            throw new EventRejectedException("unknown_run", "source " + event.sourceId() + " has no completed run "
                    + runId + ": nothing recorded or posted back");
        }
        Counts counts = run.counts();
        boolean notModified = run.notModified();
        sources.recordSynchronized(event.sourceId(),
                new SyncAnnouncement(runId, run.status(), notModified, counts, Date.from(clock.instant())));
        String postbackUrl = source.syncPostbackUrl();
        if (postbackUrl == null || postbackUrl.isBlank()) {
            return;
        }
        SyncPostback previous = source.lastSyncPostback();
        if (previous != null && Objects.equals(runId, previous.runId()) && previous.status() == PostbackStatus.DELIVERED) {
            return; // this run was posted back already
        }
        ObjectNode body = json.valueToTree(new SourceSynchronizedEvent(event.sourceId(), SourceSynchronizedEvent.EVENT, runId,
                run.status().value(), notModified ? Boolean.TRUE : null, counts.downloaded(), counts.skipped(), counts.deleted(), counts.failed()));
        try {
            int httpStatus = postbacks.send(postbackUrl, "sync-" + runId, body.toString(), deadline);
            sources.recordSyncPostback(event.sourceId(),
                    SyncPostback.delivered(runId, postbackUrl, httpStatus, Date.from(clock.instant())));
            LOG.infof("sync of source %d posted back to %s", event.sourceId(), postbackUrl);
        } catch (PostbackFailure e) {
            sources.recordSyncPostback(event.sourceId(), SyncPostback.failed(runId, postbackUrl, e.code(), e.getMessage(),
                    Date.from(clock.instant())));
            throw e;
        }
    }
}
