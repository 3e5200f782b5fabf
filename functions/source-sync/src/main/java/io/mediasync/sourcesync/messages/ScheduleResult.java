package io.mediasync.sourcesync.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * {@code {"ordered": N, "source_ids": [...]}} plus the sources not ordered and why, and {@code resume_after} (the last
 * source gone through) when the run stopped at its deadline before every source.
 */
@RegisterForReflection
public record ScheduleResult(
        @JsonProperty("ordered") int ordered,
        @JsonProperty("source_ids") List<Long> sourceIds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("not_ordered") Map<String, String> notOrdered,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("resume_after") Long resumeAfter) {

    public ScheduleResult {
        sourceIds = List.copyOf(sourceIds);
        notOrdered = Map.copyOf(notOrdered);
    }
}
