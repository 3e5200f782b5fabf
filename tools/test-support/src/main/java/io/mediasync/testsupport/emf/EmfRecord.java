package io.mediasync.testsupport.emf;

import java.util.List;
import java.util.Map;

/**
 * One valid EMF document: its directives, the values of its dimensions and of its metrics (each a list: a single
 * number is a list of one).
 */
public record EmfRecord(List<Directive> directives, Map<String, String> dimensions, Map<String, List<Double>> values) {

    /** One entry of {@code CloudWatchMetrics}: namespace, dimension sets, metric names with their units. */
    public record Directive(String namespace, List<List<String>> dimensionSets, Map<String, String> units) {
    }

    /** Whether CloudWatch files this record's {@code metric} under exactly these dimensions (one of its sets). */
    public boolean publishes(String metric, Map<String, String> dims) {
        for (Directive d : directives) {
            if (!d.units().containsKey(metric)) {
                continue;
            }
            for (List<String> set : d.dimensionSets()) {
                if (set.size() == dims.size() && dims.entrySet().stream().allMatch(e -> set.contains(e.getKey())
                        && e.getValue().equals(dimensions.get(e.getKey())))) {
                    return true;
                }
            }
        }
        return false;
    }
}
