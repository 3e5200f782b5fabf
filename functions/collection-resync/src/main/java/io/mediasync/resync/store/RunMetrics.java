package io.mediasync.resync.store;

import io.mediasync.common.metrics.Metrics;
import java.util.Map;

/**
 * A step's counts, as they are added to the run record, as metrics: the same numbers an operator reads in
 * resync_runs, whichever function (the run's starter, the worker, apply) did the step.
 */
public final class RunMetrics {

    private RunMetrics() {
    }

    public static void counted(Map<RunCount, Integer> counts) {
        counts.forEach((count, n) -> {
            if (count.metric() != null) {
                Metrics.count(count.metric(), n);
            }
        });
    }
}
