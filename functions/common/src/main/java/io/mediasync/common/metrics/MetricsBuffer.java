package io.mediasync.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One invocation's metrics until they are written: counts added up, sizes and times kept one value each, grouped by
 * breakdown value (each group becomes one EMF line). Thread-safe: the downloader syncs files on a pool.
 */
public final class MetricsBuffer {

    /** The lines' grouping: a breakdown and its value, or neither (Function alone). */
    public record Group(Breakdown breakdown, String value) {

        static final Group FUNCTION_ONLY = new Group(null, null);
    }

    /** One metric's values in a group: a single sum for counts, every value otherwise. */
    public record Series(Metric metric, List<Double> values) {
    }

    private final Map<Group, Map<Metric, List<Double>>> groups = new LinkedHashMap<>();

    /** @param breakdownValue the metric's breakdown value (required when it has a breakdown, ignored otherwise) */
    public synchronized void add(Metric metric, String breakdownValue, double value) {
        if (!Double.isFinite(value)) {
            return; // JSON has no NaN or Infinity, and CloudWatch would reject the whole line
        }
        Group group = metric.breakdown() == null ? Group.FUNCTION_ONLY
                : new Group(metric.breakdown(), Objects.requireNonNull(breakdownValue, metric.emfName() + " needs a value"));
        List<Double> values = groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(metric, m -> new ArrayList<>());
        if (metric.unit().summed() && !values.isEmpty()) {
            values.set(0, values.get(0) + value);
        } else {
            values.add(value);
        }
    }

    /** Everything added since the last drain, and empties the buffer. */
    public synchronized Map<Group, List<Series>> drain() {
        Map<Group, List<Series>> drained = new LinkedHashMap<>();
        groups.forEach((group, metrics) -> {
            List<Series> series = new ArrayList<>();
            metrics.forEach((metric, values) -> series.add(new Series(metric, List.copyOf(values))));
            drained.put(group, series);
        });
        groups.clear();
        return drained;
    }
}
