package io.mediasync.catalog.store;

import io.mediasync.common.mongo.RecordCodec;
import java.util.Date;
import org.bson.Document;

/**
 * The schedule's window claim in {@code catalog_sync_lease} ({@code _id: "schedule-window"}): the last window
 * (epoch seconds / INTERVAL_SCHEDULER_SECONDS) a scheduled run claimed, and when. Not a lease: nobody holds it, a
 * window is claimed once; {@code window} is removed when its run gives it back. Written field by field.
 */
public record ScheduleWindow(Long window, Date claimedAt) {

    /** The one claim document's {@code _id}. */
    public static final String ID = "schedule-window";
    public static final String WINDOW = "window";
    public static final String CLAIMED_AT = "claimedAt";

    public static final RecordCodec<ScheduleWindow> CODEC = RecordCodec.readOnly(ScheduleWindow.class, ScheduleWindow::read);

    public static ScheduleWindow read(Document claim) {
        Object window = claim.get(WINDOW);
        return new ScheduleWindow(window instanceof Number n ? n.longValue() : null, claim.getDate(CLAIMED_AT));
    }
}
