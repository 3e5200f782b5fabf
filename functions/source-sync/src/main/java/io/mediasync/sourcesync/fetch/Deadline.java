package io.mediasync.sourcesync.fetch;

import java.time.Duration;

/** A point in time work must not run past (monotonic clock). */
public record Deadline(long nanos) {

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public static Deadline none() {
        return in(Duration.ofDays(365));
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }
}
