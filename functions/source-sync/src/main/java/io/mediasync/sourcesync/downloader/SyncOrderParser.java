package io.mediasync.sourcesync.downloader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.sourcesync.messages.SyncOrder;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a sync order strictly, with a clear reason for whatever is wrong. */
@ApplicationScoped
public class SyncOrderParser {

    private final ObjectMapper json;

    public SyncOrderParser(ObjectMapper json) {
        this.json = json;
    }

    public SyncOrder parse(String body) throws OrderRejectedException {
        if (body == null || body.isBlank()) {
            throw new OrderRejectedException("empty_order", "the message body is empty", null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OrderRejectedException("not_json", "the order is not JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new OrderRejectedException("not_an_object", "the order must be a JSON object", null);
        }
        Long sourceId = sourceId(node.get("source_id"));
        String url = text(node, "url", sourceId);
        String contentPath = text(node, "content_path", sourceId);
        String runId = node.hasNonNull("run_id") ? node.get("run_id").asText() : null;
        Integer cursor = null;
        if (node.hasNonNull("cursor")) {
            if (!node.get("cursor").canConvertToInt() || node.get("cursor").asInt() < 0) {
                throw new OrderRejectedException("bad_cursor", "cursor must be a non-negative integer", sourceId);
            }
            cursor = node.get("cursor").asInt();
        }
        return new SyncOrder(sourceId, url.trim(), contentPath, runId, cursor);
    }

    private static Long sourceId(JsonNode id) throws OrderRejectedException {
        if (id == null || id.isNull()) {
            throw new OrderRejectedException("missing_source_id", "the order has no source_id", null);
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id.isTextual() && id.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(id.asText().trim());
        }
        throw new OrderRejectedException("bad_source_id", "source_id must be an integer, not " + id, null);
    }

    private static String text(JsonNode order, String field, Long sourceId) throws OrderRejectedException {
        JsonNode value = order.get(field);
        if (value == null || value.isNull()) {
            throw new OrderRejectedException("missing_" + field, "the order has no " + field, sourceId);
        }
        if (!value.isTextual()) {
            throw new OrderRejectedException("bad_" + field, field + " must be a string", sourceId);
        }
        if (field.equals("url") && value.asText().isBlank()) {
            throw new OrderRejectedException("missing_url", "the order's url is empty", sourceId);
        }
        return value.asText();
    }
}
