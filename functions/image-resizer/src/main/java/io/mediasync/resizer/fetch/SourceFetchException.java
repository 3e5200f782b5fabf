package io.mediasync.resizer.fetch;

/** A source image could not be had; {@link #retryable()} says whether trying again later may help. */
public class SourceFetchException extends Exception {

    private final String code;
    private final boolean retryable;

    public SourceFetchException(String code, String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
