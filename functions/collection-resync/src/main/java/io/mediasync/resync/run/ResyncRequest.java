package io.mediasync.resync.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * What starts a run: the schedule's {@code {"collection": "channels", "scheduled_time": "…"}} (the time EventBridge
 * Scheduler fills in, so a retried delivery resumes the same run), or a manual invoke: {@code {"collection": …}},
 * {@code {"collection": …, "ids": […]}} (ids as strings, numbers or Extended JSON such as {"$oid": "…"}),
 * {@code {"full": true}} (every collection, every document), {@code "force": true} to resize unchanged images too.
 * The invoke's answer is a {@link Response}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResyncRequest(String collection, List<JsonNode> ids, Boolean full, Boolean force,
        @JsonProperty("scheduled_time") String scheduledTime) {

    /** The answer to a start: each run with its phase and counts so far, and whether it goes on in follow-up invocations. */
    @RegisterForReflection
    public record Response(List<Run> runs) {

        @RegisterForReflection
        public record Run(@JsonProperty("run_id") String runId, String collection, String mode, String phase,
                Map<String, Long> counts, boolean continues) {
        }
    }
}
