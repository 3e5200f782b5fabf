package io.mediasync.common.lambda;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One SQS message being handled: the message, the invocation's deadline, whether this is its last receive
 * before the DLQ, and what the handler learned about it (a source id, a run id) for the failure recorder.
 */
public final class Delivery {

    private final SqsMessage message;
    private final Deadline deadline;
    private final boolean lastReceive;
    private final Map<String, Object> facts = new HashMap<>();

    public Delivery(SqsMessage message, Deadline deadline, boolean lastReceive) {
        this.message = message;
        this.deadline = deadline;
        this.lastReceive = lastReceive;
    }

    public SqsMessage message() {
        return message;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** True on the receive with the queue's maxReceiveCount: a message given back now goes to the DLQ. */
    public boolean lastReceive() {
        return lastReceive;
    }

    /** Remembers something about the message for the failure recorder (e.g. "sourceId"). */
    public void note(String name, Object value) {
        facts.put(name, value);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> fact(String name) {
        return Optional.ofNullable((T) facts.get(name));
    }
}
