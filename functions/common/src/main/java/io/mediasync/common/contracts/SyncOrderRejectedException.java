package io.mediasync.common.contracts;

/** A sync order that can never be carried out as it is: recorded with its reason, not retried. */
public class SyncOrderRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Long sourceId;

    public SyncOrderRejectedException(String code, String reason, Long sourceId) {
        super(reason);
        this.code = code;
        this.sourceId = sourceId;
    }

    public String code() {
        return code;
    }

    /** The source the order named, if it named one readably. */
    public Long sourceId() {
        return sourceId;
    }
}
