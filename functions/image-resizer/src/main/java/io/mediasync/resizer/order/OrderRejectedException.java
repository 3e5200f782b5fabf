package io.mediasync.resizer.order;

/** The message is not a valid order: it is recorded as rejected and never retried. */
public class OrderRejectedException extends Exception {

    private final String code;

    public OrderRejectedException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
