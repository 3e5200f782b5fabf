package io.mediasync.catalog.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, counted as it goes. {@code upserted} = every valid item stored: the seed's "N upserted". Items not
 * stored are counted by why ({@code invalid}, {@code foreign}: a source the catalog did not create,
 * {@code notCreated}: over CATALOG_MAX_NEW_SOURCES) and the first of them listed with their reason. The run's record
 * stores them as {@link SyncRun.Totals} and {@link SyncRun.Skip}s.
 */
public final class RunCounts {

    private int pages;
    private int items;
    private int inserted;
    private int updated;
    private int unchanged;
    private int invalid;
    private int foreign;
    private int notCreated;
    private int disabled;
    private int ordered;
    private int orderFailures;
    private int requests;
    private final int recordedSkips;
    private final List<SyncRun.Skip> skipped = new ArrayList<>();

    public RunCounts(int recordedSkips) {
        this.recordedSkips = recordedSkips;
    }

    /** A page read, holding {@code items} items. */
    public void page(int items) {
        pages++;
        this.items += items;
    }

    /** An item not stored because it cannot be ({@code reason}: invalid, write_refused). */
    public void invalid(Long sourceId, String reason, String detail) {
        invalid++;
        skip(sourceId, reason, detail);
    }

    void foreign(Long sourceId, String reason, String detail) {
        foreign++;
        skip(sourceId, reason, detail);
    }

    void notCreated(Long sourceId, String reason, String detail) {
        notCreated++;
        skip(sourceId, reason, detail);
    }

    void unchanged() {
        unchanged++;
    }

    void stored(boolean inserted) {
        this.inserted += inserted ? 1 : 0;
        this.updated += inserted ? 0 : 1;
    }

    public void disabled(int disabled) {
        this.disabled = disabled;
    }

    public void ordered(int sent) {
        ordered += sent;
    }

    public void orderFailures(int unsent) {
        orderFailures += unsent;
    }

    public void requests(int requests) {
        this.requests = requests;
    }

    public int pages() {
        return pages;
    }

    public int items() {
        return items;
    }

    public int notCreated() {
        return notCreated;
    }

    public int disabled() {
        return disabled;
    }

    public int upserted() {
        return inserted + updated + unchanged;
    }

    /** Keeps the item's reason for the run record (up to CATALOG_RECORDED_SKIPS of them). */
    private void skip(Long sourceId, String reason, String detail) {
        if (skipped.size() < recordedSkips) {
            skipped.add(new SyncRun.Skip(sourceId, reason, detail));
        }
    }

    List<SyncRun.Skip> skipped() {
        return skipped;
    }

    /** The counts as a run's record stores them. */
    public SyncRun.Totals totals() {
        return new SyncRun.Totals(pages, items, upserted(), inserted, updated, unchanged, invalid, foreign, notCreated, disabled, ordered,
                orderFailures, requests);
    }
}
