package io.mediasync.sourcesync.orchestrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.sourcesync.registry.SourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * "source synchronized": records the run on the source ({@code lastSynchronized}) and, if the source has a
 * {@code sync_postback_url}, POSTs the event there once per run (webhook-id {@code sync-<run id>}).
 */
@ApplicationScoped
public class SourceStatusUpdater {

    private static final Logger LOG = Logger.getLogger(SourceStatusUpdater.class);

    private final SourceStore sources;
    private final SyncPostbackSender postbacks;

    public SourceStatusUpdater(SourceStore sources, SyncPostbackSender postbacks) {
        this.sources = sources;
        this.postbacks = postbacks;
    }

    public void synchronizedRun(SyncEvent event, Document source, String messageId) throws SyncPostbackSender.PostbackFailed {
        String runId = event.runId() != null ? event.runId() : "msg-" + messageId;
        Document info = new Document("runId", runId).append("at", new Date());
        for (String field : new String[] {"status", "downloaded", "skipped", "deleted", "failed", "not_modified"}) {
            if (event.body().has(field)) {
                info.append(field, event.body().get(field).isNumber() ? (Object) event.body().get(field).asLong()
                        : event.body().get(field).asText());
            }
        }
        sources.recordSynchronized(event.sourceId(), info);
        Object url = source.get("sync_postback_url");
        if (!(url instanceof String postbackUrl) || postbackUrl.isBlank()) {
            return;
        }
        Document previous = source.get("lastSyncPostback", Document.class);
        if (previous != null && Objects.equals(runId, previous.getString("runId"))
                && "delivered".equals(previous.getString("status"))) {
            return; // this run was posted back already
        }
        ObjectNode body = ((ObjectNode) event.body()).deepCopy();
        body.put("event", SourceSynchronizedEvent.EVENT);
        try {
            int status = postbacks.send(postbackUrl, "sync-" + runId, body.toString());
            sources.recordSyncPostback(event.sourceId(), new Document("runId", runId).append("url", postbackUrl)
                    .append("status", "delivered").append("httpStatus", status).append("at", new Date()));
            LOG.infof("sync of source %d posted back to %s", event.sourceId(), postbackUrl);
        } catch (SyncPostbackSender.PostbackFailed e) {
            sources.recordSyncPostback(event.sourceId(), new Document("runId", runId).append("url", postbackUrl)
                    .append("status", "failed").append("error", new Document("code", e.code()).append("reason", e.getMessage()))
                    .append("at", new Date()));
            throw e;
        }
    }
}
