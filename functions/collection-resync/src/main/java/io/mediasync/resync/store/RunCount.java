package io.mediasync.resync.store;

import io.mediasync.common.metrics.Metric;
import io.mediasync.common.mongo.StoredValue;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a run's steps count, as the run record stores it ({@code counts.<name>}), and the metric a count is also
 * published as, if any (see {@link RunMetrics}). One step adds up its counts in a {@link Tally}.
 */
public enum RunCount implements StoredValue {
    /** Rows this run provided (documents found changed). */
    PROVIDED("provided", Metric.DOCUMENTS_PROVIDED),
    /** Rows provided for documents that show a changed document's images. */
    RELATED("related", null),
    ORDERED("ordered", Metric.DOCUMENTS_ORDERED),
    APPLIED("applied", Metric.DOCUMENTS_APPLIED),
    /** Documents brought in line with the document whose images they show. */
    INHERITED("inherited", null),
    FAILED("failed", Metric.DOCUMENTS_FAILED),
    /** Rows whose document was deleted meanwhile. */
    GONE("gone", null),
    UNCHANGED("unchanged", null),
    /** Rows left for an order or a walk already under way (another run's, or a parent's). */
    AWAITING("awaiting", null),
    /** Orders or follow-ups sent again (their send was not noted, or the walk stalled). */
    RESENT("resent", null),
    /** Results not for the row's current order (a duplicate, or replaced since). */
    STALE("stale", Metric.DOCUMENTS_STALE),
    /** Fields whose document holds another URL by the time the result came. */
    MOVED_ON("movedOn", null),
    ERRORS("errors", null);

    private final String value;
    private final Metric metric;

    RunCount(String value, Metric metric) {
        this.value = value;
        this.metric = metric;
    }

    @Override
    public String value() {
        return value;
    }

    /** The stored path in the run record. */
    public String field() {
        return ResyncRun.COUNTS + "." + value;
    }

    /** The metric it is published as; null when it is only stored. */
    Metric metric() {
        return metric;
    }

    /** Counters of one step, added to the run record's counts. */
    public static final class Tally {

        private final Map<RunCount, Integer> counts = new EnumMap<>(RunCount.class);

        public void add(RunCount count, int n) {
            if (n != 0) {
                counts.merge(count, n, Integer::sum);
            }
        }

        public Map<RunCount, Integer> asMap() {
            return Map.copyOf(counts);
        }
    }
}
