package io.mediasync.sourcesync.fetch;

import io.mediasync.common.lambda.Deadline;
import java.time.Duration;
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
        long nextStart;

        Host(int slots) {
            this.slots = new Semaphore(slots, true);
        }
    }

    private final int maxConcurrent;
    private final long minIntervalNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public HostThrottle(int maxConcurrent, Duration minInterval) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("host concurrency must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.minIntervalNanos = Math.max(0, minInterval.toNanos());
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
            long wait;
            synchronized (h) {
                long now = System.nanoTime();
                long start = Math.max(now, h.nextStart);
                h.nextStart = start + minIntervalNanos;
                wait = start - now;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            h.slots.release();
            throw e;
        }
        return h.slots::release;
    }
}
