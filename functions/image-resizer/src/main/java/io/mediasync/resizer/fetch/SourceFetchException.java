package io.mediasync.resizer.fetch;

import io.mediasync.common.failure.FailureException;

/** A source image could not be had; {@link #retryable()} says whether trying again later may help. */
public class SourceFetchException extends FailureException {

    private static final long serialVersionUID = 1L;

    public SourceFetchException(String code, String reason, boolean retryable, Throwable cause) {
        super(code, reason, retryable, cause);
    }
}
