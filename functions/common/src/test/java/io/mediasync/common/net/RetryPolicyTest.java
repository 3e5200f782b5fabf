package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.testsupport.time.RecordingSleeper;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The one retry rule: retryable, tries left, a wait that ends before the deadline. Waits are recorded, not timed. */
class RetryPolicyTest {

    private static final FetchException UNAVAILABLE = FetchException.httpStatus(503, "unavailable");
    private static final FetchException NOT_FOUND = FetchException.httpStatus(404, "not found");

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private RetryPolicy backoff(int retries, Backoff backoff) {
        return RetryPolicy.backoff(e -> e.status() >= 500 || e.status() == 429, retries, backoff, sleeper::sleep, sleeper.clock());
    }

    @Test
    void aFailureTheCallerDoesNotRetryIsNotRetried() {
        assertThat(backoff(3, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8))).after(1, NOT_FOUND, Deadline.none()))
                .isEqualTo(new RetryPolicy.NotRetryable());
    }

    @Test
    void givesUpAfterTheRetriesWithBackoffWaitsThatDouble() throws Exception {
        // a cap under the smallest jittered wait makes every wait exact: base 4 s jitters to 2-4 s, capped at 1 s
        RetryPolicy policy = backoff(2, new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(1)));
        int failed = 0;
        RetryPolicy.Next next;
        while ((next = policy.after(++failed, UNAVAILABLE, Deadline.none())) instanceof RetryPolicy.Retry retry) {
            policy.pause(retry);
        }
        assertThat(next).isEqualTo(new RetryPolicy.NoTriesLeft());
        assertThat(failed).as("gave up after the third try").isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void backoffWaitsGrowWithEachRetry() {
        RetryPolicy policy = backoff(3, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)));
        assertThat(((RetryPolicy.Retry) policy.after(1, UNAVAILABLE, Deadline.none())).delay())
                .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(((RetryPolicy.Retry) policy.after(2, UNAVAILABLE, Deadline.none())).delay())
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(((RetryPolicy.Retry) policy.after(3, UNAVAILABLE, Deadline.none())).delay())
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void retryAfterInSecondsIsWaitedAsAsked() throws Exception {
        RetryPolicy policy = backoff(3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5)));
        RetryPolicy.Next next = policy.after(1, FetchException.httpStatus(429, "slow down", "2"), Deadline.none());
        policy.pause((RetryPolicy.Retry) next);
        assertThat(sleeper.waits()).as("waited PT2S as Retry-After asked").containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAsADateCountsFromTheClock() {
        RetryPolicy policy = backoff(3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5)));
        String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(sleeper.clock().instant().plusSeconds(3)
                .truncatedTo(ChronoUnit.SECONDS).atZone(java.time.ZoneOffset.UTC));
        assertThat(policy.after(1, FetchException.httpStatus(503, "later", in3s), Deadline.none()))
                .isEqualTo(new RetryPolicy.Retry(1, Duration.ofSeconds(3)));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCapped() {
        RetryPolicy policy = backoff(3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5)));
        assertThat(policy.after(1, FetchException.httpStatus(503, "later", "3600"), Deadline.none()))
                .isEqualTo(new RetryPolicy.Retry(1, Duration.ofSeconds(5)));
    }

    @Test
    void aWaitThatWouldReachTheDeadlineIsNotTaken() {
        RetryPolicy policy = backoff(5, new Backoff(Duration.ofSeconds(20), Duration.ofSeconds(10)));
        assertThat(policy.after(1, UNAVAILABLE, Deadline.in(Duration.ofSeconds(5))))
                .isEqualTo(new RetryPolicy.NoTimeLeft(Duration.ofSeconds(10)));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void everyIntervalRetriesAtTheIntervalUntilTheDeadline() {
        RetryPolicy policy = RetryPolicy.everyInterval(e -> true, Duration.ofSeconds(1), sleeper::sleep, sleeper.clock());
        FetchException withRetryAfter = FetchException.httpStatus(503, "later", "30");
        assertThat(policy.after(1_000, withRetryAfter, Deadline.in(Duration.ofMinutes(1))))
                .as("no count, and Retry-After is not its rule").isEqualTo(new RetryPolicy.Retry(1_000, Duration.ofSeconds(1)));
        assertThat(policy.after(1, withRetryAfter, Deadline.in(Duration.ofMillis(900))))
                .isEqualTo(new RetryPolicy.NoTimeLeft(Duration.ofSeconds(1)));
    }
}
