package io.mediasync.sourcesync.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

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
        return new Counts(asLong(c.get(DOWNLOADED), 0), asLong(c.get(SKIPPED), 0), asLong(c.get(DELETED), 0),
                asLong(c.get(FAILED), 0));
    }

    public Document toDocument() {
        return new Document(DOWNLOADED, downloaded).append(SKIPPED, skipped).append(DELETED, deleted).append(FAILED, failed);
    }
}
