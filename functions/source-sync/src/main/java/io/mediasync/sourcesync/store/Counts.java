package io.mediasync.sourcesync.store;

import org.bson.Document;

/** A run's outcome counts. */
public record Counts(long downloaded, long skipped, long deleted, long failed) {

    /** From a stored {@code counts} document (zeros where absent). */
    public static Counts from(Document counts) {
        Document c = counts == null ? new Document() : counts;
        return new Counts(number(c, "downloaded"), number(c, "skipped"), number(c, "deleted"), number(c, "failed"));
    }

    private static long number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0;
    }

    public Document toDocument() {
        return new Document("downloaded", downloaded).append("skipped", skipped).append("deleted", deleted)
                .append("failed", failed);
    }
}
