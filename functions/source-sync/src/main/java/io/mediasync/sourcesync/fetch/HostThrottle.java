package io.mediasync.sourcesync.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-host manners: at most {@code maxConcurrent} requests in flight to one host, and at least
 * {@code minInterval} between the starts of two requests to it. Thread-safe; one per container.
 */
public final class HostThrottle {

    /** Held while a request runs; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Host {
        final Semaphore slots;
        Instant nextStart = Instant.MIN;

        Host(int slots) {
            this.slots = new Semaphore(slots, true);
        }
    }

    private final int maxConcurrent;
    private final Duration minInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostThrottle(int maxConcurrent, Duration minInterval, Clock clock, Sleeper sleeper) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("host concurrency must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.minInterval = minInterval.isNegative() ? Duration.ZERO : minInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits for a slot and for the host's next start time, but not past {@code deadline}.
     *
     * @throws InterruptedException if interrupted, or if the deadline passes while waiting (as a timeout)
     */
    public Permit acquire(String host, Deadline deadline) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(maxConcurrent));
        if (!h.slots.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("no request slot for " + host + " before the deadline");
        }
        try {
            Duration wait;
            synchronized (h) {
                Instant now = clock.instant();
                Instant start = now.isAfter(h.nextStart) ? now : h.nextStart;
                h.nextStart = start.plus(minInterval);
                // a wall clock set back must not stall the host: no one waits longer than the slots ahead of it need
                wait = min(Duration.between(now, start), minInterval.multipliedBy(maxConcurrent));
            }
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            h.slots.release();
            throw e;
        }
        return h.slots::release;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
