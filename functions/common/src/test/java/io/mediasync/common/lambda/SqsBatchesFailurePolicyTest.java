package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.time.Ticker;
import io.mediasync.testsupport.time.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsBatchesFailurePolicyTest {

    private record Recorded(String messageId, String code, Outcome outcome) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final List<String> handled = new ArrayList<>();
    private final SqsBatches processor = new SqsBatches(FailurePolicy.standard(),
            (delivery, failure, outcome) -> recorded.add(new Recorded(delivery.message().messageId(), failure.code(), outcome)),
            5, Duration.ofMillis(200));

    private static SqsMessage message(String id, String group, int receiveCount) {
        return new SqsMessage(id, "rh-" + id, "{}", Map.of("MessageGroupId", group, "ApproximateReceiveCount",
                Integer.toString(receiveCount)), null, null, "aws:sqs", "arn:aws:sqs:us-east-1:000000000000:q.fifo", "us-east-1");
    }

    private static List<String> givenBack(SqsBatchResponse response) {
        return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
    }

    @Test
    void aFifoFailureHoldsBackOnlyItsOwnGroup() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("b1", "B", 1), message("a2", "A", 1),
                message("c1", "C", 1), message("b2", "B", 1), message("a3", "A", 1)));

        SqsBatchResponse response = processor.processEach(batch, Deadline.in(Duration.ofMinutes(1)), d -> {
            handled.add(d.message().messageId());
            if (d.message().messageId().equals("a2")) {
                throw new FailureException("http_503", "answered HTTP 503", true, null);
            }
        });

        assertThat(handled).containsExactly("a1", "b1", "a2", "c1", "b2");
        assertThat(givenBack(response)).containsExactly("a2", "a3");
        assertThat(recorded).containsExactly(new Recorded("a2", "http_503", Outcome.RETRYING));
    }

    @Test
    void aPermanentFailureIsRecordedAndNotGivenBackNorHoldingItsGroup() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("a2", "A", 1)));

        SqsBatchResponse response = processor.processEach(batch, Deadline.in(Duration.ofMinutes(1)), d -> {
            handled.add(d.message().messageId());
            if (d.message().messageId().equals("a1")) {
                throw FailureException.permanent("http_404", "answered HTTP 404");
            }
        });

        assertThat(givenBack(response)).isEmpty();
        assertThat(handled).containsExactly("a1", "a2");
        assertThat(recorded).containsExactly(new Recorded("a1", "http_404", Outcome.FAILED));
    }

    @Test
    void anErrorFailsItsMessageOnly() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("b1", "B", 5)));

        SqsBatchResponse response = processor.processEach(batch, Deadline.in(Duration.ofMinutes(1)), d -> {
            handled.add(d.message().messageId());
            throw d.message().messageId().equals("a1") ? new OutOfMemoryError("Java heap space") : new StackOverflowError();
        });

        assertThat(givenBack(response)).containsExactly("a1", "b1");
        assertThat(recorded).containsExactly(new Recorded("a1", "out_of_memory", Outcome.RETRYING),
                new Recorded("b1", "stack_overflow", Outcome.DEAD_LETTERED));
    }

    /** A message may run only up to where every message after it still has its reserve: a slow one cannot starve them. */
    @Test
    void aSlowMessageIsCutShortBeforeTheReserveOfEveryLaterMessage() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("b1", "B", 1), message("c1", "C", 1)));
        TestClock clock = new TestClock();
        Deadline invocation = Deadline.in(Duration.ofMillis(1500), Ticker.of(clock));
        List<Duration> leftAfterOwnDeadline = new ArrayList<>();

        SqsBatchResponse response = processor.processEach(batch, invocation, d -> {
            handled.add(d.message().messageId());
            leftAfterOwnDeadline.add(Duration.ofNanos(invocation.nanos() - d.deadline().nanos()));
            if (d.message().messageId().equals("a1")) {
                clock.advance(d.deadline().remaining()); // a message that takes all the time it may have
                throw new FailureException("timed_out", "cut short at its deadline", true, null);
            }
        });

        assertThat(handled).containsExactly("a1", "b1", "c1");
        assertThat(givenBack(response)).containsExactly("a1");
        assertThat(recorded).containsExactly(new Recorded("a1", "timed_out", Outcome.RETRYING));
        // the first message's own deadline kept the reserve (200 ms) for each of the two after it; the last one's
        // deadline is the invocation's
        assertThat(leftAfterOwnDeadline.get(0)).isEqualTo(Duration.ofMillis(400));
        assertThat(invocation.remaining()).as("what the first left").isEqualTo(Duration.ofMillis(400));
        assertThat(leftAfterOwnDeadline.get(2)).isEqualTo(Duration.ZERO);
    }

    @Test
    void withLessThanTheReserveLeftTheRestIsGivenBackUnstartedAndRecordedOnItsLastReceive() {
        SqsEvent batch = new SqsEvent(List.of(message("a1", "A", 1), message("b1", "B", 2), message("c1", "C", 5)));

        SqsBatchResponse response = processor.processEach(batch, Deadline.in(Duration.ofMillis(150)), d -> handled.add(d.message().messageId()));

        assertThat(handled).isEmpty();
        assertThat(givenBack(response)).containsExactly("a1", "b1", "c1");
        assertThat(recorded).containsExactly(new Recorded("c1", "timed_out", Outcome.DEAD_LETTERED));
    }

    @Test
    void aFailureThatCannotBeRecordedIsGivenBackEvenIfPermanent() {
        SqsBatches unrecordable = new SqsBatches(FailurePolicy.standard(), (d, f, o) -> {
            throw new IllegalStateException("MongoDB down");
        }, 5, Duration.ZERO);

        SqsBatchResponse response = unrecordable.processEach(new SqsEvent(List.of(message("a1", "A", 1))),
                Deadline.in(Duration.ofMinutes(1)), d -> {
                    throw FailureException.permanent("bad", "bad input");
                });

        assertThat(givenBack(response)).containsExactly("a1");
    }

    @Test
    void functionSpecificTypesMapToTheirCodes() {
        FailurePolicy policy = FailurePolicy.standard().with(IllegalArgumentException.class, "mongo_unavailable", true);

        assertThat(policy.classify(new IllegalArgumentException("x"))).isEqualTo(Failure.retryable("mongo_unavailable", "x"));
        assertThat(policy.classify(new NullPointerException()).code()).isEqualTo("internal_error");
    }
}
