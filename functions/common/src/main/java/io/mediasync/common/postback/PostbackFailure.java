package io.mediasync.common.postback;

import io.mediasync.common.failure.FailureException;

/**
 * A postback the receiver did not take. 410 Gone means the receiver is gone for good (Standard Webhooks: stop
 * sending), as does a URL the SSRF guard refuses; other answers and network trouble are worth a retry.
 */
public final class PostbackFailure extends FailureException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    PostbackFailure(String code, String reason, boolean retryable, int httpStatus, Throwable cause) {
        super(code, reason, retryable, cause);
        this.httpStatus = httpStatus;
    }

    /** The receiver's answer, or 0 when none came. */
    public int httpStatus() {
        return httpStatus;
    }
}
