package io.mediasync.local.runtime;

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

    public Invocation(String event, long timeoutMillis) {
        this.event = event;
        this.deadlineMillis = System.currentTimeMillis() + timeoutMillis;
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
}
