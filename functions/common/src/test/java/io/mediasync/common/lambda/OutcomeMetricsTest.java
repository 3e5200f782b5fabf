package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each receive ends as exactly one outcome metric, read back from the EMF lines the batch writes as it ends. */
class OutcomeMetricsTest {

    private static final String F = "unknown"; // no Lambda environment in a unit test
    private final SqsBatches processor = new SqsBatches(FailurePolicy.standard(), (d, f, o) -> {
    }, 5, Duration.ofMillis(200));

    private static SqsMessage message(String id, String group, int receiveCount) {
        return new SqsMessage(id, "rh-" + id, "{}", Map.of("MessageGroupId", group, "ApproximateReceiveCount",
                Integer.toString(receiveCount)), null, null, "aws:sqs", "arn:aws:sqs:us-east-1:000000000000:q.fifo", "us-east-1");
    }

    @Test
    void everyReceiveIsCountedOnceUnderItsOutcomeAndReason() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("a2", "A", 1), message("a3", "A", 1),
                message("b1", "B", 1), message("c1", "C", 1), message("d1", "D", 5), message("e1", "E", 1)));
        EmfLines lines;
        try (StdoutCapture out = new StdoutCapture()) {
            processor.processEach(batch, Deadline.in(Duration.ofMinutes(1)), d -> {
                switch (d.message().messageId()) {
                    case "a2" -> throw new FailureException("http_503", "answered HTTP 503", true, null);
                    case "b1" -> d.rejected("not_json"); // recorded by the handler itself, returns normally
                    case "c1" -> throw FailureException.permanent("http_404", "answered HTTP 404");
                    case "d1" -> throw new FailureException("timeout", "stalled", true, null); // its last receive
                    default -> {
                    }
                }
            });
            lines = out.emf();
        }
        assertThat(lines.sum("Done", F)).isEqualTo(2); // a1, e1
        assertThat(lines.sum("Retried", Map.of("Function", F, "Reason", "http_5xx"))).isEqualTo(1); // a2
        assertThat(lines.sum("HeldBack", F)).isEqualTo(1); // a3, behind a2
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "not_json"))).isEqualTo(1);
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "http_4xx"))).isEqualTo(1);
        assertThat(lines.sum("Rejected", F)).isEqualTo(2);
        assertThat(lines.sum("DeadLettered", Map.of("Function", F, "Reason", "timeout"))).isEqualTo(1);
        assertThat(lines.sum("TimedOut", F)).isZero();
    }

    @Test
    void aMessageWithNoTimeLeftIsCountedTimedOutAndOnItsLastReceiveDeadLettered() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("b1", "B", 5)));
        EmfLines lines;
        try (StdoutCapture out = new StdoutCapture()) {
            processor.processEach(batch, Deadline.in(Duration.ofMillis(50)), d -> {
                throw new AssertionError("not started: less than the 200 ms reserve is left");
            });
            lines = out.emf();
        }
        assertThat(lines.sum("TimedOut", F)).isEqualTo(1);
        assertThat(lines.sum("DeadLettered", Map.of("Function", F, "Reason", "timed_out"))).isEqualTo(1);
        assertThat(lines.sum("Done", F)).isZero();
    }
}
