package io.mediasync.testsupport.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records each wait asked for, so tests assert the exact waits instead of timing them. Pass {@code recorder::sleep}
 * where the code takes a common {@code Sleeper}. On a {@link TestClock} it returns at once and moves the clock on by
 * the wait; {@link #forReal()} also waits, for code whose deadline follows the real clock (a whole function).
 */
public final class RecordingSleeper {

    private final TestClock clock;
    private final List<Duration> waits = new ArrayList<>();

    public RecordingSleeper(TestClock clock) {
        this.clock = clock;
    }

    public RecordingSleeper() {
        this(new TestClock());
    }

    /** Records, then really waits. */
    public static RecordingSleeper forReal() {
        return new RecordingSleeper(null);
    }

    public void sleep(Duration wait) throws InterruptedException {
        synchronized (this) {
            waits.add(wait);
        }
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (clock == null) {
            Thread.sleep(wait.toMillis());
        } else {
            clock.advance(wait);
        }
    }

    /** The waits asked for, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The waits asked for that were longer than zero, in order. */
    public synchronized List<Duration> realWaits() {
        return waits.stream().filter(w -> !w.isZero() && !w.isNegative()).toList();
    }

    public synchronized void clear() {
        waits.clear();
    }

    /** The clock this sleeper moves on (not for {@link #forReal()}). */
    public TestClock clock() {
        if (clock == null) {
            throw new IllegalStateException("a sleeper for real moves no test clock");
        }
        return clock;
    }
}
