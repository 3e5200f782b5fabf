package io.mediasync.resync.store;

import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import java.util.Map;

/**
 * A step's counts, as they are added to the run record, as metrics: the same numbers an operator reads in
 * resync_runs, whichever function (the run's starter, the worker, apply) did the step.
 */
public final class RunMetrics {

    private static final Map<String, Metric> COUNTED = Map.of("provided", Metric.DOCUMENTS_PROVIDED, "ordered",
            Metric.DOCUMENTS_ORDERED, "applied", Metric.DOCUMENTS_APPLIED, "stale", Metric.DOCUMENTS_STALE, "failed",
            Metric.DOCUMENTS_FAILED);

    private RunMetrics() {
    }

    public static void counted(Map<String, Integer> counts) {
        counts.forEach((name, n) -> {
            Metric metric = COUNTED.get(name);
            if (metric != null) {
                Metrics.count(metric, n);
            }
        });
    }
}
