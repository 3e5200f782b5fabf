package io.mediasync.catalog.store;

import static io.mediasync.common.mongo.StoredNumber.asInt;

import org.bson.Document;

/**
 * A run's {@code counts} as stored in {@code catalog_sync_runs}: what {@link RunCounts} counted, ended or not.
 * {@code upserted} (inserted + updated + unchanged) is the seed's "N upserted", stored so a reader needs no sum.
 */
public record RunTotals(int pages, int items, int upserted, int inserted, int updated, int unchanged, int invalid, int foreign,
        int notCreated, int disabled, int ordered, int orderFailures, int requests) {

    public static final String PAGES = "pages";
    public static final String ITEMS = "items";
    public static final String UPSERTED = "upserted";
    public static final String INSERTED = "inserted";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String INVALID = "invalid";
    public static final String FOREIGN = "foreign";
    public static final String NOT_CREATED = "notCreated";
    public static final String DISABLED = "disabled";
    public static final String ORDERED = "ordered";
    public static final String ORDER_FAILURES = "orderFailures";
    public static final String REQUESTS = "requests";

    public Document toDocument() {
        return new Document(PAGES, pages).append(ITEMS, items).append(UPSERTED, upserted).append(INSERTED, inserted)
                .append(UPDATED, updated).append(UNCHANGED, unchanged).append(INVALID, invalid).append(FOREIGN, foreign)
                .append(NOT_CREATED, notCreated).append(DISABLED, disabled).append(ORDERED, ordered)
                .append(ORDER_FAILURES, orderFailures).append(REQUESTS, requests);
    }

    /** The stored counts, or null when the run has none yet. */
    public static RunTotals read(Document counts) {
        if (counts == null) {
            return null;
        }
        return new RunTotals(count(counts, PAGES), count(counts, ITEMS), count(counts, UPSERTED), count(counts, INSERTED),
                count(counts, UPDATED), count(counts, UNCHANGED), count(counts, INVALID), count(counts, FOREIGN),
                count(counts, NOT_CREATED), count(counts, DISABLED), count(counts, ORDERED), count(counts, ORDER_FAILURES),
                count(counts, REQUESTS));
    }

    private static int count(Document counts, String field) {
        return asInt(counts.get(field), 0);
    }
}
