package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsBatchesTest {

    /** A message's contract in this test: a number, "refuse" (the handler's own rejection), else not one. */
    private record Count(int value) {
    }

    private static final class Refused extends Exception {
        Refused(String body) {
            super(body);
        }
    }

    private record Recorded(String messageId, String code, Outcome outcome) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private final SqsBatches batches = new SqsBatches(FailurePolicy.standard(),
            (delivery, failure, outcome) -> recorded.add(new Recorded(delivery.message().messageId(), failure.code(), outcome)),
            settings(Duration.ofMinutes(1)));

    /** Parses to a Count; records its own rejection of "refuse"; lets any other refusal go to the failure policy. */
    private final SqsHandler<Count> handler = new SqsHandler<>() {
        @Override
        public Count parse(SqsMessage message) throws Exception {
            if (message.body().equals("refuse")) {
                throw new Refused(message.body());
            }
            try {
                return new Count(Integer.parseInt(message.body()));
            } catch (NumberFormatException e) {
                throw FailureException.permanent("bad_message", "not a number: " + message.body());
            }
        }

        @Override
        public void refused(Exception refusal, Delivery delivery) throws Exception {
            if (!(refusal instanceof Refused)) {
                throw refusal;
            }
            events.add("rejected " + delivery.message().messageId());
            delivery.rejected("refused");
        }

        @Override
        public void handle(Count message, Delivery delivery) {
            events.add("handled " + delivery.message().messageId() + " = " + message.value());
        }
    };

    private static InvocationSettings settings(Duration budget) {
        return new InvocationSettings() {
            @Override
            public Duration timeMargin() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration budget() {
                return budget;
            }

            @Override
            public Duration messageReserve() {
                return Duration.ofMillis(200);
            }

            @Override
            public int maxReceiveCount() {
                return 5;
            }
        };
    }

    private static SqsMessage message(String id, String body, int receiveCount) {
        return new SqsMessage(id, "rh-" + id, body, Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)), null,
                null, "aws:sqs", "arn:aws:sqs:us-east-1:000000000000:work", "us-east-1");
    }

    private static List<String> givenBack(SqsBatchResponse response) {
        return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
    }

    @Test
    void eachMessageIsParsedToItsContractAndHandledInTurn() {
        SqsBatchResponse response = batches.process(new SqsEvent(List.of(message("m1", "7", 1), message("m2", "42", 1))),
                (Context) null, handler);

        assertThat(events).containsExactly("handled m1 = 7", "handled m2 = 42");
        assertThat(givenBack(response)).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void aRefusalTheHandlerRecordsItselfIsFinishedWithoutBeingHandled() {
        SqsBatchResponse response = batches.process(new SqsEvent(List.of(message("m1", "refuse", 1), message("m2", "3", 1))),
                Deadline.in(Duration.ofMinutes(1)), handler);

        assertThat(events).containsExactly("rejected m1", "handled m2 = 3");
        assertThat(givenBack(response)).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void anyOtherRefusalGoesToTheFailurePolicyAsThrownByParse() {
        SqsBatchResponse response = batches.process(new SqsEvent(List.of(message("m1", "seven", 1), message("m2", "3", 1))),
                Deadline.in(Duration.ofMinutes(1)), handler);

        assertThat(events).containsExactly("handled m2 = 3");
        assertThat(givenBack(response)).isEmpty(); // permanent: recorded as failed, not retried
        assertThat(recorded).containsExactly(new Recorded("m1", "bad_message", Outcome.FAILED));
    }

    @Test
    void aFailingHandlerGivesItsMessageBackUnderTheSamePolicy() {
        SqsHandler<Count> failing = new SqsHandler<>() {
            @Override
            public Count parse(SqsMessage message) {
                return new Count(Integer.parseInt(message.body()));
            }

            @Override
            public void handle(Count message, Delivery delivery) throws FailureException {
                throw new FailureException("http_503", "answered HTTP 503", true, null);
            }
        };

        SqsBatchResponse response = batches.process(new SqsEvent(List.of(message("m1", "1", 5))),
                Deadline.in(Duration.ofMinutes(1)), failing);

        assertThat(givenBack(response)).containsExactly("m1");
        assertThat(recorded).containsExactly(new Recorded("m1", "http_503", Outcome.DEAD_LETTERED));
    }

    @Test
    void withoutALambdaDeadlineTheInvocationHasItsBudget() {
        Deadline deadline = new SqsBatches(FailurePolicy.standard(), (d, f, o) -> { }, settings(Duration.ofSeconds(30)))
                .deadline(null);

        assertThat(deadline.remaining()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }
}
