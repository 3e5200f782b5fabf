package io.mediasync.common.postback;

import io.mediasync.common.mongo.StoredValue;

/** How a postback ended, as the records of the resizer (an order's) and of source-sync (a source's sync) store it. */
public enum PostbackStatus implements StoredValue {
    /** The receiver answered 2xx: never sent again. */
    DELIVERED("delivered"),
    /** Refused for good, or not delivered within the retries: the record keeps the receiver's answer and why. */
    FAILED("failed");

    private final String value;

    PostbackStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
