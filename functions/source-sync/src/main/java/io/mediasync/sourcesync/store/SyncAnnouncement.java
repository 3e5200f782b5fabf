package io.mediasync.sourcesync.store;

import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * A source's {@code lastSynchronized}: the run the orchestrator last recorded as synchronized, stored flat as the
 * run's counts plus {@code runId}, {@code status}, {@code notModified} (only when true) and {@code at}.
 */
public record SyncAnnouncement(String runId, RunStatus status, boolean notModified, Counts counts, Date at) {

    public static final String RUN_ID = "runId";
    public static final String STATUS = "status";
    public static final String NOT_MODIFIED = "notModified";
    public static final String AT = "at";

    public Document toDocument() {
        return counts.toDocument().append(RUN_ID, runId).append(STATUS, status.value())
                .append(NOT_MODIFIED, notModified ? Boolean.TRUE : null).append(AT, at);
    }

    /** The stored announcement, or null when there is none. */
    public static SyncAnnouncement read(Document d) {
        return d == null ? null : new SyncAnnouncement(d.getString(RUN_ID), StoredValue.known(RunStatus.class, d.getString(STATUS)),
                Boolean.TRUE.equals(d.get(NOT_MODIFIED)), Counts.read(d), d.getDate(AT));
    }
}
