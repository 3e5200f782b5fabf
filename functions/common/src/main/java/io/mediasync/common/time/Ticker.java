package io.mediasync.common.time;

import java.time.Clock;
import java.time.Instant;

/**
 * Elapsed time, as a dependency: what a {@code Deadline} is measured on. Production reads the monotonic
 * {@code System.nanoTime()} (a deadline must not move when the wall clock is set); tests hand in a clock they move.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences between two readings mean anything. */
    long nanos();

    /** The monotonic clock of the JVM. */
    static Ticker system() {
        return System::nanoTime;
    }

    /** Reads {@code clock} (a test clock that moves when the test moves it) as elapsed nanoseconds. */
    static Ticker of(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        };
    }
}
