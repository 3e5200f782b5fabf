package io.mediasync.common.time;

import java.time.Duration;

/** Waiting, as a dependency: production waits for real, tests record the waits asked for and return at once. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code wait} on the calling thread (not at all when it is zero or negative). */
    void sleep(Duration wait) throws InterruptedException;

    /** The thread really waits. */
    static Sleeper system() {
        return wait -> {
            if (wait.isNegative() || wait.isZero()) {
                return;
            }
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        };
    }
}
