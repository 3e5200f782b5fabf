package io.mediasync.sourcesync.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.sourcesync.config.QueuesConfig;
import io.mediasync.sourcesync.messages.FileEvent;
import io.mediasync.sourcesync.messages.SourceSynchronizedEvent;
import io.mediasync.common.sqs.QueueNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Reads a sync event. Its kind comes from the queue it arrived on (the seed's events carry no kind), else from
 * mediasync's extra {@code event} field.
 */
@ApplicationScoped
public class SyncEventParser {

    private final ObjectMapper json;
    private final Map<String, String> kindsByQueue;

    public SyncEventParser(ObjectMapper json, QueuesConfig queues) {
        this.json = json;
        this.kindsByQueue = Map.of(QueueNames.nameOf(queues.fileDownloaded()), FileEvent.DOWNLOADED,
                QueueNames.nameOf(queues.fileDownloadSkipped()), FileEvent.SKIPPED,
                QueueNames.nameOf(queues.fileDeleted()), FileEvent.DELETED,
                QueueNames.nameOf(queues.sourceSynchronized()), SourceSynchronizedEvent.EVENT);
    }

    public SyncEvent parse(SqsMessage message) throws EventRejectedException {
        JsonNode body;
        try {
            body = message.body() == null ? null : json.readTree(message.body());
        } catch (JsonProcessingException e) {
            throw new EventRejectedException("not_json", "the event is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new EventRejectedException("not_an_object", "the event must be a JSON object");
        }
        String kind = kindsByQueue.get(message.queueName());
        if (kind == null) {
            kind = SyncEvent.text(body, "event");
        }
        if (kind == null || !kindsByQueue.containsValue(kind)) {
            throw new EventRejectedException("unknown_event", "queue '" + message.queueName()
                    + "' is none of the configured event queues and the body names no known event");
        }
        JsonNode id = body.get("source_id");
        long sourceId;
        if (id != null && id.isIntegralNumber()) {
            sourceId = id.asLong();
        } else if (id != null && id.isTextual() && id.asText().trim().matches("\\d{1,18}")) {
            sourceId = Long.parseLong(id.asText().trim());
        } else {
            throw new EventRejectedException("missing_source_id", "the event has no integer source_id");
        }
        String filename = SyncEvent.text(body, "filename");
        if (!kind.equals(SourceSynchronizedEvent.EVENT) && (filename == null || filename.isBlank())) {
            throw new EventRejectedException("missing_filename", "a file event needs a filename");
        }
        return new SyncEvent(kind, sourceId, filename, SyncEvent.text(body, "file_id"), SyncEvent.text(body, "sha256"),
                SyncEvent.text(body, "previous_sha256"), SyncEvent.text(body, "run_id"), body);
    }
}
