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
    private String rejection;

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

    /**
     * The handler finished the message as rejected and recorded it itself (it returns normally, nothing to retry):
     * counted as Rejected with this code, not as Done.
     */
    public void rejected(String code) {
        rejection = code;
    }

    /** The code given to {@link #rejected}, if the handler rejected the message. */
    public Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> fact(String name) {
        return Optional.ofNullable((T) facts.get(name));
    }
}
