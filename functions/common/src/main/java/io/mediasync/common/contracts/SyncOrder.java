package io.mediasync.common.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A source sync order (seeds 000/001): {@code {"source_id": 77735, "url": "https://…", "content_path": "portraits/"}},
 * sent by catalog-sync (new and moved sources) and source-sync's scheduler, read by source-sync's downloader
 * ({@link SyncOrderParser}). A follow-up order, sent by the downloader to itself when a source does not fit in one
 * invocation, adds {@code run_id} and {@code cursor}. The FIFO group is the source; each sender has its own
 * deduplication rule, written here beside the others.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({SyncOrder.SOURCE_ID, SyncOrder.URL, SyncOrder.CONTENT_PATH, SyncOrder.RUN_ID, SyncOrder.CURSOR})
public record SyncOrder(
        @JsonProperty(SOURCE_ID) long sourceId,
        @JsonProperty(URL) String url,
        @JsonProperty(CONTENT_PATH) String contentPath,
        @JsonProperty(RUN_ID) String runId,
        @JsonProperty(CURSOR) Integer cursor) {

    public static final String SOURCE_ID = "source_id";
    public static final String URL = "url";
    public static final String CONTENT_PATH = "content_path";
    public static final String RUN_ID = "run_id";
    public static final String CURSOR = "cursor";

    // a plain mapper: the bytes must not depend on a module's ObjectMapper customisations
    private static final ObjectMapper JSON = new ObjectMapper();

    public SyncOrder {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source " + sourceId + ": a sync order needs a url");
        }
        if (contentPath == null) {
            throw new IllegalArgumentException("source " + sourceId + ": a sync order needs a content_path");
        }
        if (cursor != null && cursor < 0) {
            throw new IllegalArgumentException("source " + sourceId + ": cursor must not be negative, not " + cursor);
        }
    }

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

    /** The scheduler's deduplication key: one order per source and url in a scheduler window. */
    public static String scheduledDedupKey(long sourceId, String url, long window) {
        return sourceId + url + window;
    }

    /** catalog-sync's deduplication key: one order per source in a catalog run. */
    public String catalogDedupKey(String catalogRunId) {
        return "catalog:" + catalogRunId + ":" + sourceId;
    }

    /** A follow-up's deduplication key: its run and cursor, so two chains of one run collapse into one. */
    public String followUpDedupKey() {
        if (!isFollowUp()) {
            throw new IllegalStateException("source " + sourceId + ": not a follow-up order");
        }
        return runId + ":" + cursor;
    }

    /** The body: the fields in the seeds' order, the follow-up's after them, absent ones left out. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sync order is always serialisable", e);
        }
    }
}
