package io.mediasync.sourcesync.store;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.StoredValue;

/**
 * The status of a sync run ({@code sync_runs.status}) and of a source's last sync ({@code sources.lastSyncStatus}),
 * as stored: the run's own states and, for a run (or an order) that failed, the message statuses of
 * {@link RecordStatus}. The stored strings are a contract: never rename them.
 */
public enum RunStatus implements StoredValue {
    /** Working through its listing (follow-up orders carry it on). */
    RUNNING("running"),
    /** Went through its whole listing, every file synced. */
    COMPLETED("completed"),
    /** Went through its whole listing; some files could not be downloaded and were kept as they were. */
    COMPLETED_WITH_ERRORS("completed_with_errors"),
    /** An order that did not become a run: a duplicate, stale or concurrent one. */
    IGNORED("ignored"),
    /** Made no progress for RUN_STALE_AFTER and was replaced by a new run. */
    ABANDONED("abandoned"),
    REJECTED(RecordStatus.REJECTED),
    FAILED(RecordStatus.FAILED),
    RETRYING(RecordStatus.RETRYING),
    DEAD_LETTERED(RecordStatus.DEAD_LETTERED);

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    RunStatus(RecordStatus status) {
        this(status.value());
    }

    @Override
    public String value() {
        return value;
    }

    /** Whether the run went through its whole listing (and so may be announced as synchronized). */
    public boolean completed() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS;
    }

    /** The run status a failed message's status stands for. */
    public static RunStatus of(RecordStatus status) {
        return StoredValue.known(RunStatus.class, status.value());
    }

}
