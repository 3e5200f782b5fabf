package io.mediasync.resizer.order;

import java.util.Optional;

/** The message is not a valid order: it is recorded as rejected (with the order's own id, if it had one) and never retried. */
public class OrderRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Optional<String> orderId;

    public OrderRejectedException(String code, String reason) {
        this(code, reason, Optional.empty());
    }

    private OrderRejectedException(String code, String reason, Optional<String> orderId) {
        super(reason);
        this.code = code;
        this.orderId = orderId;
    }

    OrderRejectedException withOrderId(Optional<String> id) {
        return new OrderRejectedException(code, getMessage(), id);
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    /** A readable form of the order's "_id", when the body was a JSON object that had one. */
    public Optional<String> orderId() {
        return orderId;
    }
}
