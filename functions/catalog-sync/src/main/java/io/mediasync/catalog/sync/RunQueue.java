package io.mediasync.catalog.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.catalog.config.CatalogRunConfig;
import io.mediasync.common.sqs.QueueNames;
import io.mediasync.common.sqs.QueueSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * PATCH /api/syncast's background run: a message {@code {"run_id": "…"}} (+ {@code "force": true}) on this function's own FIFO queue
 * (CATALOG_RUNS_QUEUE, one message group, deduplicated by run id), which the same function consumes with a DLQ
 * behind it. A queue rather than an asynchronous self-invoke: it works the same locally, retries MongoDB trouble
 * and keeps what could not run in a DLQ.
 */
@ApplicationScoped
public class RunQueue {

    private final QueueSender sender;
    private final ObjectMapper json;
    private final String queue;

    public RunQueue(QueueSender sender, ObjectMapper json, CatalogRunConfig config) {
        this.sender = sender;
        this.json = json;
        this.queue = QueueNames.fifo(config.runsQueue());
    }

    /** A queued run: its id, and whether the operator forced it past the feed's limits. */
    public record QueuedRun(String runId, boolean force) {
    }

    public void cast(String runId, boolean force) {
        ObjectNode message = json.createObjectNode().put("run_id", runId);
        if (force) {
            message.put("force", true);
        }
        sender.send(queue, message.toString(), "catalog-sync", runId);
    }

    /** The run a queued message asks for, if it is one. */
    public Optional<QueuedRun> runOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            String id = node == null ? "" : node.path("run_id").asText("");
            return id.matches("[A-Za-z0-9_.:-]{1,100}") ? Optional.of(new QueuedRun(id, node.path("force").asBoolean(false)))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
