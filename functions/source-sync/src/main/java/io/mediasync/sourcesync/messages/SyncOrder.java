package io.mediasync.sourcesync.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A source sync order (seeds 000/001): {@code {"source_id": 77735, "url": "https://…", "content_path": "portraits/"}}.
 * A follow-up order, sent by the downloader to itself when a source does not fit in one invocation,
 * adds {@code run_id} and {@code cursor}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source_id", "url", "content_path", "run_id", "cursor"})
public record SyncOrder(
        @JsonProperty("source_id") long sourceId,
        @JsonProperty("url") String url,
        @JsonProperty("content_path") String contentPath,
        @JsonProperty("run_id") String runId,
        @JsonProperty("cursor") Integer cursor) {

    public static SyncOrder of(long sourceId, String url, String contentPath) {
        return new SyncOrder(sourceId, url, contentPath, null, null);
    }

    public SyncOrder followUp(String runId, int cursor) {
        return new SyncOrder(sourceId, url, contentPath, runId, cursor);
    }

    @JsonIgnore
    public boolean isFollowUp() {
        return runId != null;
    }

    /** The FIFO message group: one per source, so a source's orders never run side by side. */
    @JsonIgnore
    public String groupId() {
        return Long.toString(sourceId);
    }
}
