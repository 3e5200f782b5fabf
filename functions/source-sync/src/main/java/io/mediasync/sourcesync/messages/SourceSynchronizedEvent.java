package io.mediasync.sourcesync.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** "source synchronized": seed 001's {@code {"source_id": 725}} plus the run's counts. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source_id", "event"})
public record SourceSynchronizedEvent(
        @JsonProperty("source_id") long sourceId,
        @JsonProperty("event") String event,
        @JsonProperty("run_id") String runId,
        @JsonProperty("status") String status,
        @JsonProperty("not_modified") Boolean notModified,
        @JsonProperty("downloaded") long downloaded,
        @JsonProperty("skipped") long skipped,
        @JsonProperty("deleted") long deleted,
        @JsonProperty("failed") long failed) {

    public static final String EVENT = "source_synchronized";
}
