package io.mediasync.common.failure;

/**
 * The base of every failure a mediasync function classifies itself: it carries its code and whether a
 * retry may help, so {@link FailurePolicy} needs no knowledge of each function's exception types.
 */
public class FailureException extends Exception implements ClassifiedFailure {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;

    public FailureException(String code, String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public static FailureException permanent(String code, String reason) {
        return new FailureException(code, reason, false, null);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public String reason() {
        return getMessage();
    }

    @Override
    public Failure failure() {
        return new Failure(code, getMessage(), retryable);
    }
}
