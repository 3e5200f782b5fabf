package io.mediasync.resync.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** The answer to a start: each run with its phase and counts so far, and whether it goes on in follow-up invocations. */
@RegisterForReflection
public record ResyncResponse(List<Run> runs) {

    @RegisterForReflection
    public record Run(@JsonProperty("run_id") String runId, String collection, String mode, String phase, Map<String, Long> counts,
            boolean continues) {
    }
}
