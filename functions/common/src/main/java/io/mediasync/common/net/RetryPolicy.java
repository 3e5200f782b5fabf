package io.mediasync.common.net;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one rule every retry loop follows: a failure the caller calls retryable is tried again while tries are left,
 * after the policy's wait, and only if that wait ends before the deadline (the caller then still has time to record
 * why it stopped). What differs between callers is named here: which failures are retryable, how many retries,
 * how long each wait is.
 */
public final class RetryPolicy {

    /** The wait before retry number {@code retry} (1 = the first), given the server's Retry-After if it sent one. */
    @FunctionalInterface
    public interface Waits {
        Duration before(int retry, Optional<Duration> retryAfter);
    }

    /** What comes after a failed try. */
    public sealed interface Next {
    }

    /** Try again (retry number {@code retry}) after {@code delay}: call {@link #pause}. */
    public record Retry(int retry, Duration delay) implements Next {
    }

    /** The failure is one the caller does not retry. */
    public record NotRetryable() implements Next {
    }

    /** Every retry was used. */
    public record NoTriesLeft() implements Next {
    }

    /** The next wait would reach the deadline. */
    public record NoTimeLeft(Duration delay) implements Next {
    }

    /** No count: tried again for as long as the deadline allows. */
    public static final int UNTIL_DEADLINE = Integer.MAX_VALUE;

    private final Predicate<FetchException> retryable;
    private final int retries;
    private final Waits waits;
    private final Sleeper sleeper;
    private final Clock clock;

    public RetryPolicy(Predicate<FetchException> retryable, int retries, Waits waits, Sleeper sleeper, Clock clock) {
        this.retryable = retryable;
        this.retries = Math.max(0, retries);
        this.waits = waits;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** {@code retries} retries with exponential backoff, a Retry-After honoured up to the backoff's cap. */
    public static RetryPolicy backoff(Predicate<FetchException> retryable, int retries, Backoff backoff, Sleeper sleeper,
            Clock clock) {
        return new RetryPolicy(retryable, retries, backoff::delay, sleeper, clock);
    }

    /** Tried again every {@code interval} (Retry-After ignored) until the deadline. */
    public static RetryPolicy everyInterval(Predicate<FetchException> retryable, Duration interval, Sleeper sleeper,
            Clock clock) {
        return new RetryPolicy(retryable, UNTIL_DEADLINE, (retry, retryAfter) -> interval, sleeper, clock);
    }

    /** @param failedTries the tries that have failed so far, {@code failure} the last one's */
    public Next after(int failedTries, FetchException failure, Deadline deadline) {
        if (!retryable.test(failure)) {
            return new NotRetryable();
        }
        if (failedTries > retries) {
            return new NoTriesLeft();
        }
        // an HTTP-date Retry-After counts from the injected clock
        Duration wait = waits.before(failedTries, failure.retryAfter().flatMap(v -> RetryAfter.parse(v, clock.instant())));
        if (deadline.remaining().compareTo(wait) <= 0) {
            return new NoTimeLeft(wait);
        }
        return new Retry(failedTries, wait);
    }

    /** Waits before a retry {@link #after} allowed. */
    public void pause(Retry retry) throws InterruptedException {
        sleeper.sleep(retry.delay());
    }

    public int retries() {
        return retries;
    }
}
