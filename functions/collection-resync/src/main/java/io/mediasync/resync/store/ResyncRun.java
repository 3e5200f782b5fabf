package io.mediasync.resync.store;

import io.mediasync.common.mongo.Lease;
import io.mediasync.common.mongo.RecordCodec;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One run of a collection's re-sync, as resync_runs stores it (see {@link Runs}; the watermark records beside the
 * runs are {@link Runs.Watermark}s), with the {@link Phase} it stands in. {@code cursor} is the phase's own place
 * (provide: {scan, key, id}; execute: {after}); {@code leaseHolder}/{@code leaseUntil} are the {@link Lease} of the
 * invocation advancing it.
 *
 * @param ids       the ids of an {@code ids} run, else null
 * @param watermark the updatedAt window of an incremental or full run, else null
 * @param counts    what its steps did, by stored name ({@link RunCount#value()})
 */
public record ResyncRun(String id, String collection, Mode mode, Trigger trigger, Phase phase, boolean force, List<Object> ids,
        Window watermark, Date scheduledTime, long seq, int invocations, Map<String, Long> counts, Timings timings,
        Document cursor, List<RunError> errors, Date createdAt, Date updatedAt, Date completedAt, String leaseHolder,
        Date leaseUntil) {

    public static final String ID = "_id";
    public static final String COLLECTION = "collection";
    public static final String MODE = "mode";
    public static final String TRIGGER = "trigger";
    public static final String PHASE = "phase";
    public static final String FORCE = "force";
    public static final String IDS = "ids";
    public static final String WATERMARK = "watermark";
    public static final String SCHEDULED_TIME = "scheduledTime";
    public static final String SEQ = "seq";
    public static final String INVOCATIONS = "invocations";
    public static final String COUNTS = "counts";
    public static final String TIMINGS = "timings";
    public static final String CURSOR = "cursor";
    public static final String ERRORS = "errors";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String COMPLETED_AT = "completedAt";
    /** The end of the window, as filters and sorts name it. */
    public static final String WATERMARK_TO = WATERMARK + "." + Window.TO;

    public static final RecordCodec<ResyncRun> CODEC = RecordCodec.of(ResyncRun.class, ResyncRun::read, ResyncRun::toDocument);

    public ResyncRun {
        counts = counts == null ? Map.of() : counts;
        timings = timings == null ? new Timings(null, null, null, null) : timings;
        cursor = cursor == null ? new Document() : cursor; // empty: at the phase's start
        errors = errors == null ? List.of() : errors;
    }

    /** A run about to be inserted: providing, step 0, nothing counted. */
    public static ResyncRun start(String id, String collection, Mode mode, Trigger trigger, boolean force, List<Object> ids,
            Window watermark, Date scheduledTime, Date now) {
        return new ResyncRun(id, collection, mode, trigger, Phase.PROVIDING, force, ids, watermark, scheduledTime, 0, 0, Map.of(),
                new Timings(now, null, null, null), null, null, now, now, null, null, null);
    }

    /** One count so far (0 when the run never counted it). */
    public long count(RunCount count) {
        return counts.getOrDefault(count.value(), 0L);
    }

    /** The lower bound of the updatedAt scan (the watermark minus the lookback); null on a collection's first run. */
    public Date updatedSince() {
        return watermark == null ? null : watermark.from();
    }

    /** The document inserted for the run; empty and unset parts (no cursor, lease or errors yet) are left out. */
    public Document toDocument() {
        Document doc = new Document(ID, id).append(COLLECTION, collection).append(MODE, mode.value())
                .append(TRIGGER, trigger.value()).append(PHASE, phase.value()).append(SEQ, seq).append(INVOCATIONS, invocations)
                .append(COUNTS, new Document(counts)).append(TIMINGS, timings.toDocument()).append(CREATED_AT, createdAt)
                .append(UPDATED_AT, updatedAt);
        if (force) {
            doc.append(FORCE, true);
        }
        putIfSet(doc, IDS, ids);
        putIfSet(doc, WATERMARK, watermark == null ? null : watermark.toDocument());
        putIfSet(doc, SCHEDULED_TIME, scheduledTime);
        putIfSet(doc, CURSOR, cursor.isEmpty() ? null : cursor);
        putIfSet(doc, ERRORS, errors.isEmpty() ? null : errors.stream().map(RunError::toDocument).toList());
        putIfSet(doc, COMPLETED_AT, completedAt);
        putIfSet(doc, Lease.HOLDER, leaseHolder);
        putIfSet(doc, Lease.UNTIL, leaseUntil);
        return doc;
    }

    public static ResyncRun read(Document doc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        doc.get(COUNTS, new Document()).forEach((name, n) -> counts.put(name, ((Number) n).longValue()));
        List<RunError> errors = new ArrayList<>();
        doc.getList(ERRORS, Document.class, List.of()).forEach(e -> errors.add(RunError.read(e)));
        return new ResyncRun(doc.getString(ID), doc.getString(COLLECTION), StoredValue.of(Mode.class, doc.getString(MODE)),
                StoredValue.of(Trigger.class, doc.getString(TRIGGER)), StoredValue.of(Phase.class, doc.getString(PHASE)), doc.getBoolean(FORCE, false),
                doc.getList(IDS, Object.class), Window.read(doc.get(WATERMARK, Document.class)), doc.getDate(SCHEDULED_TIME),
                number(doc, SEQ).longValue(), number(doc, INVOCATIONS).intValue(),
                counts, Timings.read(doc.get(TIMINGS, Document.class)), doc.get(CURSOR, Document.class), errors,
                doc.getDate(CREATED_AT), doc.getDate(UPDATED_AT), doc.getDate(COMPLETED_AT), doc.getString(Lease.HOLDER),
                doc.getDate(Lease.UNTIL));
    }

    private static Number number(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n;
    }

    private static void putIfSet(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }

    /** Where a run stands ({@code phase}): provide, then execute, then waiting for results, then done. */
    public enum Phase implements StoredValue {
        PROVIDING("providing"),
        EXECUTING("executing"),
        /** Its own work is done; it waits for the results of its orders (apply removes its rows). */
        APPLYING("applying"),
        COMPLETED("completed");

        /** The phases an invocation advances (holding the run's lease); then the results drive it. */
        public static final List<Phase> ACTIVE = List.of(PROVIDING, EXECUTING);

        private final String value;

        Phase(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        public boolean active() {
            return ACTIVE.contains(this);
        }

        /** The phase after this one's own work. */
        public Phase next() {
            return values()[Math.min(ordinal() + 1, COMPLETED.ordinal())];
        }

        /** The stored strings of the active phases, for filters. */
        public static List<String> activeValues() {
            return ACTIVE.stream().map(Phase::value).toList();
        }
    }

    /** What a run goes through: changes since the watermark, every document, or the ids a manual run names. */
    public enum Mode implements StoredValue {
        INCREMENTAL("incremental"), FULL("full"), IDS("ids");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /** Who started the run. */
    public enum Trigger implements StoredValue {
        SCHEDULE("schedule"), MANUAL("manual");

        private final String value;

        Trigger(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }

    /** The updatedAt window {@code [from, to)} of the changes the run takes; {@code from} null: from the beginning. */
    public record Window(Date from, Date to) {

        public static final String FROM = "from";
        public static final String TO = "to";

        public Document toDocument() {
            return new Document(FROM, from).append(TO, to); // from stays, null: an operator sees the run had no lower bound
        }

        static Window read(Document window) {
            return window == null ? null : new Window(window.getDate(FROM), window.getDate(TO));
        }
    }

    /** When the run started, when each of its own phases ended, and how long it took in all. */
    public record Timings(Date startedAt, Date providingEndedAt, Date executingEndedAt, Long totalMs) {

        public static final String STARTED_AT = "startedAt";
        public static final String TOTAL_MS = "totalMs";

        /** The stored path of the end of {@code phase} ({@code timings.providingEndedAt}, …). */
        public static String endedAt(Phase phase) {
            return TIMINGS + "." + ended(phase);
        }

        private static String ended(Phase phase) {
            return phase.value() + "EndedAt";
        }

        Document toDocument() {
            Document timings = new Document();
            putIfSet(timings, STARTED_AT, startedAt);
            putIfSet(timings, ended(Phase.PROVIDING), providingEndedAt);
            putIfSet(timings, ended(Phase.EXECUTING), executingEndedAt);
            putIfSet(timings, TOTAL_MS, totalMs);
            return timings;
        }

        static Timings read(Document timings) {
            if (timings == null) {
                return null;
            }
            Number total = timings.get(TOTAL_MS, Number.class);
            return new Timings(timings.getDate(STARTED_AT), timings.getDate(ended(Phase.PROVIDING)),
                    timings.getDate(ended(Phase.EXECUTING)), total == null ? null : total.longValue());
        }
    }

    /** One of the run's last errors: where it happened (a phase, or an outcome and queue) and the error. */
    public record RunError(String phase, RecordedError error) {

        public static final String PHASE = "phase";

        public Document toDocument() {
            return error.toDocument().append(PHASE, phase);
        }

        static RunError read(Document error) {
            return new RunError(error.getString(PHASE), RecordedError.read(error));
        }
    }
}
