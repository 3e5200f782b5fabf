package io.mediasync.sourcesync.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The source-scheduler's input: {@code {}} or an EventBridge Scheduler payload (every enabled source),
 * {@code {"source_id": 77735}} (that source only), {@code "force": true} to order it again within the window.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleRequest(
        @JsonProperty("source_id") Long sourceId,
        @JsonProperty("force") Boolean force) {

    @JsonIgnore
    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
