package io.mediasync.local.runtime;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What {@code ./mediasync status} says of a function since the stack started: invocations, errors, cold starts, the last error. */
public final class InvocationStats {

    public record LastError(Instant at, String body) {
    }

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong coldStarts = new AtomicLong();
    private volatile LastError lastError;

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
