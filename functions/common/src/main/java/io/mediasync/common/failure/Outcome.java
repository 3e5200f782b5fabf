package io.mediasync.common.failure;

/** What became of a message that did not finish. */
public enum Outcome {
    /** Given back to SQS, which delivers it again later. */
    RETRYING(RecordStatus.RETRYING),
    /** Given back on its last receive: SQS moves it to the DLQ next. */
    DEAD_LETTERED(RecordStatus.DEAD_LETTERED),
    /** Finished for good with its reason: retrying cannot help, it is not given back. */
    FAILED(RecordStatus.FAILED);

    private final RecordStatus recordStatus;

    Outcome(RecordStatus recordStatus) {
        this.recordStatus = recordStatus;
    }

    /** The status its record takes. */
    public RecordStatus recordStatus() {
        return recordStatus;
    }

    /** The record status as stored, as docs/image-resizer.md documents it. */
    public String status() {
        return recordStatus.value();
    }
}
