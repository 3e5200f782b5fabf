package io.mediasync.common.failure;

import io.mediasync.common.mongo.StoredValue;

/**
 * The status a message's record carries, as stored in MongoDB and read by operators and tests: the failure
 * policy's {@link FailurePolicy.Outcome}s plus the states around them. The stored strings are a contract: never rename them.
 */
public enum RecordStatus implements StoredValue {
    /** Being worked on (or given up on by a crashed attempt, until the message comes back). */
    PROCESSING("processing"),
    /** Finished with its result. */
    DONE("done"),
    /** A message the function cannot read: finished for good, never retried. */
    REJECTED("rejected"),
    /** Finished for good with its reason: retrying cannot help. */
    FAILED("failed"),
    /** Given back to SQS, which delivers it again later. */
    RETRYING("retrying"),
    /** Given back on its last receive: SQS moves it to the DLQ next. */
    DEAD_LETTERED("dead_lettered");

    private final String value;

    RecordStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
