package io.mediasync.catalog.sync;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * What a run did, counted as it goes. {@code upserted} = every valid item stored: the seed's "N upserted". Items not
 * stored are counted by why ({@code invalid}, {@code foreign}: a source the catalog did not create,
 * {@code notCreated}: over CATALOG_MAX_NEW_SOURCES) and the first of them listed with their reason.
 */
public final class RunCounts {

    int pages;
    int items;
    int inserted;
    int updated;
    int unchanged;
    int invalid;
    int foreign;
    int notCreated;
    int disabled;
    int ordered;
    int orderFailures;
    int requests;
    private final int recordedSkips;
    private final List<Document> skipped = new ArrayList<>();

    public RunCounts(int recordedSkips) {
        this.recordedSkips = recordedSkips;
    }

    public int upserted() {
        return inserted + updated + unchanged;
    }

    /** Keeps the item's reason for the run record (up to CATALOG_RECORDED_SKIPS of them). */
    void skip(Long sourceId, String reason, String detail) {
        if (skipped.size() < recordedSkips) {
            skipped.add(new Document("source_id", sourceId).append("reason", reason).append("detail", detail));
        }
    }

    List<Document> skipped() {
        return skipped;
    }

    public Document toDocument() {
        return new Document("pages", pages).append("items", items).append("upserted", upserted()).append("inserted", inserted)
                .append("updated", updated).append("unchanged", unchanged).append("invalid", invalid).append("foreign", foreign)
                .append("notCreated", notCreated).append("disabled", disabled).append("ordered", ordered)
                .append("orderFailures", orderFailures).append("requests", requests);
    }
}
