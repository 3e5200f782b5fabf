package io.mediasync.catalog.store;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.StoredValue;

/**
 * A catalog run's status as stored in {@code catalog_sync_runs}: its own result states, and the common failure
 * statuses (a run that broke midway, a queued run that could not run) spelt as {@link RecordStatus} stores them.
 */
public enum RunStatus implements StoredValue {
    /** Started, not ended (or its instance died: the lease then expires by itself). */
    RUNNING("running"),
    /** Ended with the seed's {@code "N upserted"}. */
    OK("ok"),
    /** Ended with an upstream error: the seed's error result. */
    ERROR("error"),
    /** Ended by a feed over a limit (CATALOG_MAX_NEW_SOURCES, CATALOG_MAX_DISABLE_SHARE); {@code force} lifts it. */
    REFUSED("refused"),
    /** Broke midway (MongoDB gone, a bug), or a queued run that cannot run at all. */
    FAILED(RecordStatus.FAILED.value()),
    /** A queued run given back to SQS. */
    RETRYING(RecordStatus.RETRYING.value()),
    /** A queued run given back on its last receive: the DLQ next. */
    DEAD_LETTERED(RecordStatus.DEAD_LETTERED.value()),
    /** A run-queue message that is not a run. */
    REJECTED(RecordStatus.REJECTED.value());

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /** Whether a run with this status ended with a result (a repeated delivery of it does not run again). */
    public boolean endedWithResult() {
        return this == OK || this == ERROR || this == REFUSED;
    }

    /** The status a message's record takes under the common failure policy. */
    public static RunStatus of(RecordStatus status) {
        return StoredValue.of(RunStatus.class, status.value());
    }

}
