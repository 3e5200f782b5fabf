package io.mediasync.common.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a {@link SyncOrder} strictly, with a code and a clear reason for whatever is wrong. */
public final class SyncOrderParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncOrderParser() {
    }

    public static SyncOrder parse(String body) throws SyncOrderRejectedException {
        if (body == null || body.isBlank()) {
            throw new SyncOrderRejectedException("empty_order", "the message body is empty", null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SyncOrderRejectedException("not_json", "the order is not JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new SyncOrderRejectedException("not_an_object", "the order must be a JSON object", null);
        }
        Long sourceId = sourceId(node.get(SyncOrder.SOURCE_ID));
        String url = text(node, SyncOrder.URL, sourceId);
        String contentPath = text(node, SyncOrder.CONTENT_PATH, sourceId);
        String runId = node.hasNonNull(SyncOrder.RUN_ID) ? node.get(SyncOrder.RUN_ID).asText() : null;
        Integer cursor = null;
        if (node.hasNonNull(SyncOrder.CURSOR)) {
            JsonNode value = node.get(SyncOrder.CURSOR);
            if (!value.canConvertToInt() || value.asInt() < 0) {
                throw new SyncOrderRejectedException("bad_cursor", "cursor must be a non-negative integer", sourceId);
            }
            cursor = value.asInt();
        }
        return new SyncOrder(sourceId, url.trim(), contentPath, runId, cursor);
    }

    private static Long sourceId(JsonNode id) throws SyncOrderRejectedException {
        if (id == null || id.isNull()) {
            throw new SyncOrderRejectedException("missing_source_id", "the order has no source_id", null);
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id.isTextual() && id.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(id.asText().trim());
        }
        throw new SyncOrderRejectedException("bad_source_id", "source_id must be an integer, not " + id, null);
    }

    private static String text(JsonNode order, String field, Long sourceId) throws SyncOrderRejectedException {
        JsonNode value = order.get(field);
        if (value == null || value.isNull()) {
            throw new SyncOrderRejectedException("missing_" + field, "the order has no " + field, sourceId);
        }
        if (!value.isTextual()) {
            throw new SyncOrderRejectedException("bad_" + field, field + " must be a string", sourceId);
        }
        if (field.equals(SyncOrder.URL) && value.asText().isBlank()) {
            throw new SyncOrderRejectedException("missing_url", "the order's url is empty", sourceId);
        }
        return value.asText();
    }
}
