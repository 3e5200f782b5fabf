package io.mediasync.sourcesync.registry;

import org.bson.Document;

/** A run's outcome counts. */
public record Counts(long downloaded, long skipped, long deleted, long failed) {

    public Document toDocument() {
        return new Document("downloaded", downloaded).append("skipped", skipped).append("deleted", deleted)
                .append("failed", failed);
    }
}
