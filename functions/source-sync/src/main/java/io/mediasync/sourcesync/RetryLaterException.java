package io.mediasync.sourcesync;

/** The message could not be finished now; SQS delivers it again (and, after maxReceiveCount, to the DLQ). */
public class RetryLaterException extends Exception {

    private static final long serialVersionUID = 1L;

    public RetryLaterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
