package io.mediasync.common.failure;

/** What became of a message that did not finish. */
public enum Outcome {
    /** Given back to SQS, which delivers it again later. */
    RETRYING,
    /** Given back on its last receive: SQS moves it to the DLQ next. */
    DEAD_LETTERED,
    /** Finished for good with its reason: retrying cannot help, it is not given back. */
    FAILED;

    /** The record status, as docs/image-resizer.md documents it. */
    public String status() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
