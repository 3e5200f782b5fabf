package io.mediasync.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.time.Ticker;
import java.time.Duration;

/**
 * A point in time work must not run past, on a {@link Ticker}: the monotonic clock unless a caller hands in
 * another (a test's clock, so where a run stops does not depend on the machine's speed).
 */
public record Deadline(long nanos, Ticker ticker) {

    /** Lambda's longest timeout: a larger "remaining time" is not a real Lambda context (a mock event server). */
    private static final long LAMBDA_MAX_MILLIS = Duration.ofMinutes(15).toMillis();

    public static Deadline in(Duration duration) {
        return in(duration, Ticker.system());
    }

    public static Deadline in(Duration duration, Ticker ticker) {
        return new Deadline(ticker.nanos() + duration.toNanos(), ticker);
    }

    public static Deadline none() {
        return in(Duration.ofDays(365));
    }

    /** {@link #forInvocation(Context, Duration, Duration, Ticker)} on the monotonic clock. */
    public static Deadline forInvocation(Context context, Duration margin, Duration cap) {
        return forInvocation(context, margin, cap, Ticker.system());
    }

    /**
     * The end of this invocation's useful time: Lambda's own deadline minus {@code margin} (kept to record what
     * was not finished), never more than {@code cap}. Without a real deadline (tests, mock servers) {@code cap}
     * alone applies. The margin never takes more than a quarter of the time, so every invocation can progress.
     */
    public static Deadline forInvocation(Context context, Duration margin, Duration cap, Ticker ticker) {
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        if (remaining <= 0 || remaining > LAMBDA_MAX_MILLIS) {
            return in(cap, ticker);
        }
        Duration usable = Duration.ofMillis(remaining - Math.min(margin.toMillis(), remaining / 4));
        return in(usable.compareTo(cap) < 0 ? usable : cap, ticker);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - ticker.nanos()));
    }

    public boolean passed() {
        return ticker.nanos() - nanos >= 0;
    }

    /** This deadline moved earlier by {@code amount}. */
    public Deadline earlier(Duration amount) {
        return new Deadline(nanos - amount.toNanos(), ticker);
    }

    /** The earlier of the two; on two tickers, the one with less time remaining. */
    public Deadline min(Deadline other) {
        if (other.ticker != ticker) {
            return other.remaining().compareTo(remaining()) < 0 ? other : this;
        }
        return other.nanos - nanos < 0 ? other : this;
    }
}
