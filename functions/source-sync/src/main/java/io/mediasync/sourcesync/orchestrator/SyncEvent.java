package io.mediasync.sourcesync.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;

/** A sync event as the orchestrator reads it: seed 001's fields plus whatever mediasync's downloader added. */
public record SyncEvent(String type, long sourceId, String filename, String fileId, String sha256, String previousSha256,
        String runId, JsonNode body) {

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
