package io.mediasync.common.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes metrics as CloudWatch Embedded Metric Format lines: one JSON object per line, {@code _aws} with
 * {@code Timestamp} and one metric directive, the dimension and metric values as top-level members. Written by hand
 * (a few string appends) rather than with a JSON library: nothing to register for reflection in a native image, and
 * no object mapper on the hot path of every invocation.
 *
 * <p>The specification's limits are kept here: at most 100 metrics per directive and 100 values per metric (more are
 * spread over further lines), dimension values are strings present as members, numbers are finite.
 */
final class EmfFormat {

    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;

    private EmfFormat() {
    }

    /** The lines for one group of {@link MetricsBuffer#drain()}: usually one. */
    static List<String> lines(String namespace, String function, long timestampMillis, MetricsBuffer.Group group,
            List<MetricsBuffer.Series> series) {
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < series.size(); from += MAX_METRICS) {
            List<MetricsBuffer.Series> part = series.subList(from, Math.min(series.size(), from + MAX_METRICS));
            int chunks = part.stream().mapToInt(s -> (s.values().size() + MAX_VALUES - 1) / MAX_VALUES).max().orElse(0);
            for (int chunk = 0; chunk < chunks; chunk++) {
                lines.add(line(namespace, function, timestampMillis, group, part, chunk));
            }
        }
        return lines;
    }

    private static String line(String namespace, String function, long timestampMillis, MetricsBuffer.Group group,
            List<MetricsBuffer.Series> series, int chunk) {
        StringBuilder definitions = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (MetricsBuffer.Series s : series) {
            List<Double> v = s.values();
            int from = chunk * MAX_VALUES;
            if (from >= v.size()) {
                continue; // this metric's values all went in earlier lines
            }
            List<Double> part = v.subList(from, Math.min(v.size(), from + MAX_VALUES));
            definitions.append(definitions.isEmpty() ? "" : ",").append("{\"Name\":").append(string(s.metric().emfName()))
                    .append(",\"Unit\":").append(string(s.metric().unit().emf())).append('}');
            values.append(',').append(string(s.metric().emfName())).append(':').append(numbers(part));
        }
        String dimensions = group.breakdown() == null ? "[[\"Function\"]]"
                : "[[\"Function\"],[\"Function\"," + string(group.breakdown().dimension()) + "]]";
        StringBuilder line = new StringBuilder(256 + values.length() + definitions.length());
        line.append("{\"_aws\":{\"Timestamp\":").append(timestampMillis).append(",\"CloudWatchMetrics\":[{\"Namespace\":")
                .append(string(namespace)).append(",\"Dimensions\":").append(dimensions).append(",\"Metrics\":[")
                .append(definitions).append("]}]},\"Function\":").append(string(function));
        if (group.breakdown() != null) {
            line.append(',').append(string(group.breakdown().dimension())).append(':').append(string(group.value()));
        }
        return line.append(values).append('}').toString();
    }

    /** A single value as a number, several as an array (EMF takes both). */
    private static String numbers(List<Double> values) {
        if (values.size() == 1) {
            return number(values.get(0));
        }
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",").append(number(values.get(i)));
        }
        return array.append(']').toString();
    }

    /** Whole numbers without ".0"; others as Java prints them, which JSON accepts (1.5, 2.0E-4). */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
