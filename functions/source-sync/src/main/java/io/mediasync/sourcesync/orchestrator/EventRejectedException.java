package io.mediasync.sourcesync.orchestrator;

/** A sync event the orchestrator cannot act on: recorded in sync_events with its reason, not retried. */
public class EventRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public EventRejectedException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
