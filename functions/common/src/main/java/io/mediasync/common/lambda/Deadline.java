package io.mediasync.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/** A point in time work must not run past (monotonic clock). */
public record Deadline(long nanos) {

    /** Lambda's longest timeout: a larger "remaining time" is not a real Lambda context (a mock event server). */
    private static final long LAMBDA_MAX_MILLIS = Duration.ofMinutes(15).toMillis();

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public static Deadline none() {
        return in(Duration.ofDays(365));
    }

    /**
     * The end of this invocation's useful time: Lambda's own deadline minus {@code margin} (kept to record what
     * was not finished), never more than {@code cap}. Without a real deadline (tests, mock servers) {@code cap}
     * alone applies. The margin never takes more than a quarter of the time, so every invocation can progress.
     */
    public static Deadline forInvocation(Context context, Duration margin, Duration cap) {
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        if (remaining <= 0 || remaining > LAMBDA_MAX_MILLIS) {
            return in(cap);
        }
        Duration usable = Duration.ofMillis(remaining - Math.min(margin.toMillis(), remaining / 4));
        return in(usable.compareTo(cap) < 0 ? usable : cap);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }

    /** This deadline moved earlier by {@code amount}. */
    public Deadline earlier(Duration amount) {
        return new Deadline(nanos - amount.toNanos());
    }

    /** The earlier of the two. */
    public Deadline min(Deadline other) {
        return other.nanos - nanos < 0 ? other : this;
    }
}
