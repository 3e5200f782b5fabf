package io.mediasync.sourcesync.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import org.bson.Document;

/**
 * The one document of {@code source_scheduler_state}: where the last all-sources run stopped. Replaced whole by each
 * run ({@link SchedulerState}).
 *
 * @param resumeAfter the last source_id that run went through when its deadline stopped it; null when it went through
 * @param ordered     how many sources that run ordered
 */
public record SweepCheckpoint(long window, Long resumeAfter, Stopped stopped, int ordered, Date at) {

    public static final String ID = "_id";
    /** The {@code _id} of the one document. */
    public static final String ALL_SOURCES = "all-sources";
    public static final String WINDOW = "window";
    public static final String RESUME_AFTER = "resumeAfter";
    public static final String STOPPED = "stopped";
    public static final String ORDERED = "ordered";
    public static final String AT = "at";

    public static final RecordCodec<SweepCheckpoint> CODEC = RecordCodec.of(SweepCheckpoint.class, SweepCheckpoint::read,
            SweepCheckpoint::toDocument);

    /** Why the run stopped; the stored strings are a contract. */
    public enum Stopped implements StoredValue {
        DEADLINE("deadline"), COMPLETED("completed");

        private final String value;

        Stopped(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /** A run that stopped after {@code resumeAfter} (at its deadline), or went through every source (null). */
    public static SweepCheckpoint of(long window, Long resumeAfter, int ordered, Date at) {
        return new SweepCheckpoint(window, resumeAfter, resumeAfter != null ? Stopped.DEADLINE : Stopped.COMPLETED, ordered, at);
    }

    public Document toDocument() {
        Document doc = new Document(ID, ALL_SOURCES).append(WINDOW, window).append(STOPPED, stopped.value())
                .append(ORDERED, ordered).append(AT, at);
        return resumeAfter == null ? doc : doc.append(RESUME_AFTER, resumeAfter);
    }

    public static SweepCheckpoint read(Document d) {
        return new SweepCheckpoint(asLong(d.get(WINDOW), 0),
                asLong(d.get(RESUME_AFTER)), StoredValue.known(Stopped.class, d.getString(STOPPED)),
                d.getInteger(ORDERED, 0), d.getDate(AT));
    }
}
