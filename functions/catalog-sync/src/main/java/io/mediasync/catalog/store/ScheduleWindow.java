package io.mediasync.catalog.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

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
        return new ScheduleWindow(asLong(claim.get(WINDOW)), claim.getDate(CLAIMED_AT));
    }
}
