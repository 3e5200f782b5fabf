package io.mediasync.local.runtime;

import io.mediasync.common.time.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One invocation handed to a function process through the Runtime API, and its outcome. */
public final class Invocation {

    /** What the function answered: its response, or the error it reported (or the runtime's, e.g. a timeout). */
    public record Result(boolean error, String body) {
    }

    private final String requestId = UUID.randomUUID().toString();
    private final String event;
    private final long deadlineMillis;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    /** What the duration is measured on: the JVM's monotonic clock, or a test's. */
    private final Ticker ticker;
    /** Null until it happens. */
    private volatile Long handedOutNanos;
    private volatile Long answeredNanos;

    public Invocation(String event, long timeoutMillis) {
        this(event, timeoutMillis, Ticker.system());
    }

    public Invocation(String event, long timeoutMillis, Ticker ticker) {
        this.event = event;
        this.deadlineMillis = System.currentTimeMillis() + timeoutMillis;
        this.ticker = ticker;
    }

    public String requestId() {
        return requestId;
    }

    public String event() {
        return event;
    }

    public long deadlineMillis() {
        return deadlineMillis;
    }

    public CompletableFuture<Result> result() {
        return result;
    }

    /** The runtime took the event (invocation/next answered): what Lambda bills starts here. */
    void handedOut() {
        handedOutNanos = ticker.nanos();
    }

    /** The function posted its response or error: what Lambda bills ends here. */
    void answered() {
        answeredNanos = ticker.nanos();
    }

    /** From hand-out to answer, Lambda's "Duration" of the invocation; empty if it never got both (a timeout, a crash). */
    public Optional<Duration> duration() {
        Long out = handedOutNanos;
        Long in = answeredNanos;
        return out == null || in == null ? Optional.empty() : Optional.of(Duration.ofNanos(in - out));
    }
}
