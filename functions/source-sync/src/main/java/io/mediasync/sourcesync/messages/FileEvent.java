package io.mediasync.sourcesync.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mediasync.sourcesync.store.FileRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * "file downloaded", "file download skipped" and "file deleted": seed 001's
 * {@code {"source_id": 725, "filename": "6miu5n4ybt3.jpg"}} plus mediasync's extra fields
 * (left out when unknown). The seed fields are never renamed or dropped.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source_id", "filename", "event"})
public record FileEvent(
        @JsonProperty("source_id") long sourceId,
        @JsonProperty("filename") String filename,
        @JsonProperty("event") String event,
        @JsonProperty("key") String key,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("size") Long size,
        @JsonProperty("remote_id") String remoteId,
        @JsonProperty("file_id") String fileId,
        @JsonProperty("version") Integer version,
        @JsonProperty("previous_sha256") String previousSha256,
        @JsonProperty("run_id") String runId) {

    public static final String DOWNLOADED = "file_downloaded";
    public static final String SKIPPED = "file_download_skipped";
    public static final String DELETED = "file_deleted";

    /** The event of a registered file; {@code version} and {@code previousSha256} only where they are news. */
    public static FileEvent of(FileRecord file, String event, Integer version, String previousSha256, String runId) {
        return new FileEvent(file.sourceId(), file.filename(), event, file.key(), file.sha256(), file.contentType(),
                file.size(), file.remoteId(), file.id().toHexString(), version, previousSha256, runId);
    }
}
