package io.mediasync.catalog.sync;

import org.bson.Document;

/** What a run did, counted as it goes. {@code upserted} = every valid item stored: the seed's "N upserted". */
public final class RunCounts {

    int pages;
    int items;
    int inserted;
    int updated;
    int unchanged;
    int invalid;
    int disabled;
    int ordered;
    int orderFailures;
    int requests;

    public int upserted() {
        return inserted + updated + unchanged;
    }

    public Document toDocument() {
        return new Document("pages", pages).append("items", items).append("upserted", upserted()).append("inserted", inserted)
                .append("updated", updated).append("unchanged", unchanged).append("invalid", invalid).append("disabled", disabled)
                .append("ordered", ordered).append("orderFailures", orderFailures).append("requests", requests);
    }
}
