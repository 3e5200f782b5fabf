package io.mediasync.sourcesync.store;

import org.bson.Document;

/** A run's outcome counts: {@code sync_runs.counts}, {@code sources.lastSyncCounts} and within {@code lastSynchronized}. */
public record Counts(long downloaded, long skipped, long deleted, long failed) {

    public static final String DOWNLOADED = "downloaded";
    public static final String SKIPPED = "skipped";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";

    /** From a stored {@code counts} document (zeros where absent). */
    public static Counts read(Document counts) {
        Document c = counts == null ? new Document() : counts;
        return new Counts(number(c, DOWNLOADED), number(c, SKIPPED), number(c, DELETED), number(c, FAILED));
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }

    public Document toDocument() {
        return new Document(DOWNLOADED, downloaded).append(SKIPPED, skipped).append(DELETED, deleted).append(FAILED, failed);
    }
}
