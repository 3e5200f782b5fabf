package io.mediasync.resizer;

/** The order could not be finished now; SQS delivers it again (and, after maxReceiveCount, to the DLQ). */
public class RetryLaterException extends Exception {

    public RetryLaterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
