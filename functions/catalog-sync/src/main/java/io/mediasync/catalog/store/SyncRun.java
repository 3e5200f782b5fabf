package io.mediasync.catalog.store;

import static io.mediasync.common.mongo.StoredNumber.asLong;

import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One document of {@code catalog_sync_runs}: one catalog run, {@code _id} its run id. The seed's result
 * ({@code response}, {@code data}, {@code date}: what GET /api/synlast answers) is stored as seed 003 shows it, beside
 * the run's own camelCase fields. Written field by field ({@link RunRecords}), never inserted whole.
 *
 * @param trigger  what started the run
 * @param result   the seed's result; null until the run ends with one
 * @param counts   null until the run ends
 * @param skipped  the first CATALOG_RECORDED_SKIPS items not stored, with why
 * @param error    why it did not end well ({@code code} a reason code, {@code reason} for people); null when it did
 */
public record SyncRun(String id, Trigger trigger, RunStatus status, SeedResult result, RunTotals counts, List<Skip> skipped,
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
                StoredValue.of(RunStatus.class, run.getString(STATUS)), result,
                RunTotals.read(run.get(COUNTS, Document.class)), skipped == null ? List.of() : skipped.stream().map(Skip::read).toList(),
                Timings.read(run.get(TIMINGS, Document.class)), RecordedError.read(run.get(ERROR, Document.class)),
                run.getDate(STARTED_AT), run.getDate(ENDED_AT), run.getDate(UPDATED_AT));
    }
}
