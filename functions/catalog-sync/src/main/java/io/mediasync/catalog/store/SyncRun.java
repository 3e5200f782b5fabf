package io.mediasync.catalog.store;

import static io.mediasync.common.mongo.StoredNumber.asInt;
import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/**
 * One document of {@code catalog_sync_runs}: one catalog run, {@code _id} its run id. The seed's result
 * ({@code response}, {@code data}, {@code date}: what GET /api/synlast answers) is stored as seed 003 shows it, beside
 * the run's own camelCase fields. Written field by field ({@link RunRecords}), never inserted whole. Also holds the
 * run's stored {@link Status} and {@link Totals}, beside its trigger, skips and timings, and makes run ids
 * ({@link #newId}).
 *
 * @param trigger  what started the run
 * @param result   the seed's result; null until the run ends with one
 * @param counts   null until the run ends
 * @param skipped  the first CATALOG_RECORDED_SKIPS items not stored, with why
 * @param error    why it did not end well ({@code code} a reason code, {@code reason} for people); null when it did
 */
public record SyncRun(String id, Trigger trigger, Status status, SeedResult result, Totals counts, List<Skip> skipped,
        Timings timings, RecordedError error, Date startedAt, Date endedAt, Date updatedAt) {

    public static final String ID = "_id";
    public static final String TRIGGER = "trigger";
    public static final String STATUS = "status";
    public static final String RESPONSE = "response";
    public static final String DATA = "data";
    public static final String DATE = "date";
    public static final String COUNTS = "counts";
    public static final String SKIPPED = "skipped";
    public static final String TIMINGS = "timingsMs";
    public static final String ERROR = "error";
    public static final String STARTED_AT = "startedAt";
    public static final String ENDED_AT = "endedAt";
    public static final String UPDATED_AT = "updatedAt";

    public static final RecordCodec<SyncRun> CODEC = RecordCodec.readOnly(SyncRun.class, SyncRun::read);

    private static final DateTimeFormatter ID_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * A run id that sorts by time and reads well in a log: {@code run-20200816T113423Z-3f9a1c}; the stamp from
     * {@code clock}, the function's injected one, which tests can hold still.
     */
    public static String newId(Clock clock) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return "run-" + ID_STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    /** What started a run: the schedule, {@code PATCH /api/syncall} (waited for) or {@code PATCH /api/syncast} (queued). */
    public enum Trigger implements StoredValue {
        SCHEDULE("schedule"), SYNCALL("syncall"), SYNCAST("syncast");

        private final String value;

        Trigger(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /**
     * A run's status as stored: its own result states, and the common failure statuses (a run that broke midway, a
     * queued run that could not run) spelt as {@link RecordStatus} stores them.
     */
    public enum Status implements StoredValue {
        /** Started, not ended (or its instance died: the lease then expires by itself). */
        RUNNING("running"),
        /** Ended with the seed's {@code "N upserted"}. */
        OK("ok"),
        /** Ended with an upstream error: the seed's error result. */
        ERROR("error"),
        /** Ended by a feed over a limit (CATALOG_MAX_NEW_SOURCES, CATALOG_MAX_DISABLE_SHARE); {@code force} lifts it. */
        REFUSED("refused"),
        /** Broke midway (MongoDB gone, a bug), or a queued run that cannot run at all. */
        FAILED(RecordStatus.FAILED.value()),
        /** A queued run given back to SQS. */
        RETRYING(RecordStatus.RETRYING.value()),
        /** A queued run given back on its last receive: the DLQ next. */
        DEAD_LETTERED(RecordStatus.DEAD_LETTERED.value()),
        /** A run-queue message that is not a run. */
        REJECTED(RecordStatus.REJECTED.value());

        private final String value;

        Status(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        /** Whether a run with this status ended with a result (a repeated delivery of it does not run again). */
        public boolean endedWithResult() {
            return this == OK || this == ERROR || this == REFUSED;
        }

        /** The status a message's record takes under the common failure policy. */
        public static Status of(RecordStatus status) {
            return StoredValue.of(Status.class, status.value());
        }
    }

    /**
     * A run's {@code counts} as stored: what {@link RunCounts} counted, ended or not. {@code upserted} (inserted +
     * updated + unchanged) is the seed's "N upserted", stored so a reader needs no sum.
     */
    public record Totals(int pages, int items, int upserted, int inserted, int updated, int unchanged, int invalid, int foreign,
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
        public static Totals read(Document counts) {
            if (counts == null) {
                return null;
            }
            return new Totals(count(counts, PAGES), count(counts, ITEMS), count(counts, UPSERTED), count(counts, INSERTED),
                    count(counts, UPDATED), count(counts, UNCHANGED), count(counts, INVALID), count(counts, FOREIGN),
                    count(counts, NOT_CREATED), count(counts, DISABLED), count(counts, ORDERED), count(counts, ORDER_FAILURES),
                    count(counts, REQUESTS));
        }

        private static int count(Document counts, String field) {
            return asInt(counts.get(field), 0);
        }
    }

    /** An item of the listing that was not stored: its source id (if it had one), a reason code and a detail. */
    public record Skip(Long sourceId, String reason, String detail) {

        public static final String SOURCE_ID = "source_id";
        public static final String REASON = "reason";
        public static final String DETAIL = "detail";

        public Document toDocument() {
            return new Document(SOURCE_ID, sourceId).append(REASON, reason).append(DETAIL, detail);
        }

        static Skip read(Document skip) {
            return new Skip(asLong(skip.get(SOURCE_ID)), skip.getString(REASON), skip.getString(DETAIL));
        }
    }

    /** How long the run took and the heap's peak meanwhile ({@code -1} where the runtime cannot say). */
    public record Timings(long total, long peakHeapMb) {

        public static final String TOTAL = "total";
        public static final String PEAK_HEAP_MB = "peakHeapMb";

        public Document toDocument() {
            return new Document(TOTAL, total).append(PEAK_HEAP_MB, peakHeapMb);
        }

        static Timings read(Document timings) {
            return timings == null ? null
                    : new Timings(asLong(timings.get(TOTAL), -1), asLong(timings.get(PEAK_HEAP_MB), -1));
        }
    }

    public static SyncRun read(Document run) {
        SeedResult result = run.containsKey(RESPONSE)
                ? new SeedResult(run.getString(RESPONSE), SeedResult.dataOf(run.get(DATA)), run.getString(DATE)) : null;
        List<Document> skipped = run.getList(SKIPPED, Document.class);
        return new SyncRun(run.getString(ID), StoredValue.of(Trigger.class, run.getString(TRIGGER)),
                StoredValue.of(Status.class, run.getString(STATUS)), result,
                Totals.read(run.get(COUNTS, Document.class)), skipped == null ? List.of() : skipped.stream().map(Skip::read).toList(),
                Timings.read(run.get(TIMINGS, Document.class)), RecordedError.read(run.get(ERROR, Document.class)),
                run.getDate(STARTED_AT), run.getDate(ENDED_AT), run.getDate(UPDATED_AT));
    }
}
