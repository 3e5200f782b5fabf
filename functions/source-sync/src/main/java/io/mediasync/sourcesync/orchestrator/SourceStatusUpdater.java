package io.mediasync.sourcesync.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.postback.PostbackFailure;
import io.mediasync.common.postback.PostbackSender;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.sourcesync.store.Counts;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.store.SyncRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
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

    public SourceStatusUpdater(SourceStore sources, SyncRuns runs, PostbackSender postbacks, ObjectMapper json) {
        this.sources = sources;
        this.runs = runs;
        this.postbacks = postbacks;
        this.json = json;
    }

    public void synchronizedRun(SyncEvent event, Document source, Deadline deadline)
            throws PostbackFailure, EventRejectedException {
        String runId = event.runId() != null ? event.runId() : source.getString("lastRunId");
        Document run = runId == null ? null : runs.findSummary(runId).orElse(null);
        String status = run == null ? null : run.getString("status");
        boolean completed = SourceStore.COMPLETED.equals(status) || SourceStore.COMPLETED_WITH_ERRORS.equals(status);
        if (run == null || !completed || ((Number) run.get("source_id")).longValue() != event.sourceId()) {
            throw new EventRejectedException("unknown_run", "source " + event.sourceId() + " has no completed run "
                    + runId + ": nothing recorded or posted back");
        }
        Counts counts = Counts.from(run.get("counts", Document.class));
        boolean notModified = Boolean.TRUE.equals(run.getBoolean("notModified"));
        sources.recordSynchronized(event.sourceId(), counts.toDocument().append("runId", runId).append("status", status)
                .append("not_modified", notModified ? Boolean.TRUE : null).append("at", new Date()));
        Object url = source.get("sync_postback_url");
        if (!(url instanceof String postbackUrl) || postbackUrl.isBlank()) {
            return;
        }
        Document previous = source.get("lastSyncPostback", Document.class);
        if (previous != null && Objects.equals(runId, previous.getString("runId"))
                && "delivered".equals(previous.getString("status"))) {
            return; // this run was posted back already
        }
        ObjectNode body = json.valueToTree(new SourceSynchronizedEvent(event.sourceId(), SourceSynchronizedEvent.EVENT, runId,
                status, notModified ? Boolean.TRUE : null, counts.downloaded(), counts.skipped(), counts.deleted(), counts.failed()));
        try {
            int httpStatus = postbacks.send(postbackUrl, "sync-" + runId, body.toString(), deadline);
            sources.recordSyncPostback(event.sourceId(), new Document("runId", runId).append("url", postbackUrl)
                    .append("status", "delivered").append("httpStatus", httpStatus).append("at", new Date()));
            LOG.infof("sync of source %d posted back to %s", event.sourceId(), postbackUrl);
        } catch (PostbackFailure e) {
            sources.recordSyncPostback(event.sourceId(), new Document("runId", runId).append("url", postbackUrl)
                    .append("status", "failed").append("error", new Document("code", e.code()).append("reason", e.getMessage()))
                    .append("at", new Date()));
            throw e;
        }
    }
}
