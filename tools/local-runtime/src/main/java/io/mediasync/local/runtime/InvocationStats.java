package io.mediasync.local.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code ./mediasync status} says of a function since the stack started: invocations, errors, cold starts, the last
 * error; and each answered invocation's duration, for the benchmarks' billed time.
 */
public final class InvocationStats {

    public record LastError(Instant at, String body) {
    }

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong coldStarts = new AtomicLong();
    private volatile LastError lastError;
    /** Bounded: a stack left running for days keeps the latest durations only. */
    private static final int DURATIONS_KEPT = 100_000;
    private final ArrayDeque<Duration> durations = new ArrayDeque<>();

    void count(boolean cold, Invocation.Result result) {
        invocations.incrementAndGet();
        if (cold) {
            coldStarts.incrementAndGet();
        }
        if (result.error()) {
            errors.incrementAndGet();
            lastError = new LastError(Instant.now(), result.body());
        }
    }

    synchronized void duration(Duration duration) {
        if (durations.size() == DURATIONS_KEPT) {
            durations.removeFirst();
        }
        durations.add(duration);
    }

    /** Each answered invocation's duration from hand-out to answer, oldest first (the latest {@value #DURATIONS_KEPT}). */
    public synchronized List<Duration> durations() {
        return List.copyOf(durations);
    }

    public long invocations() {
        return invocations.get();
    }

    public long errors() {
        return errors.get();
    }

    public long coldStarts() {
        return coldStarts.get();
    }

    /** null when none */
    public LastError lastError() {
        return lastError;
    }
}
