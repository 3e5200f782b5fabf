package io.mediasync.resizer.delivery;

/** The postback receiver did not take the result (non-2xx or unreachable): the order is retried. */
public class PostbackException extends Exception {

    private final String code;

    public PostbackException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
