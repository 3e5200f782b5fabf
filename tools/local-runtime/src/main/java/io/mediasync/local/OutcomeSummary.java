package io.mediasync.local;

import io.mediasync.common.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every message came to, per function, summed from the functions' own EMF lines as CloudWatch would sum them
 * ({@link EmfCounts}): the demo's closing summary, so the metrics an operator watches in AWS are seen agreeing with
 * what the demo checked in the records.
 */
public final class OutcomeSummary {

    /** Every receive of a message counts once among these (SqsBatches). */
    static final List<Metric> OUTCOMES = List.of(Metric.DONE, Metric.REJECTED, Metric.RETRIED, Metric.TIMED_OUT, Metric.HELD_BACK,
            Metric.DEAD_LETTERED);

    private OutcomeSummary() {
    }

    /** One line per function that took messages: its outcome counts, then the reasons of what did not end done. */
    public static List<String> lines(EmfCounts counts) {
        List<String> lines = new ArrayList<>();
        counts.sums().forEach((function, metrics) -> {
            StringBuilder line = new StringBuilder();
            Map<String, Long> reasons = new TreeMap<>();
            long all = 0;
            for (Metric outcome : OUTCOMES) {
                long n = counts.total(function, outcome.emfName());
                all += n;
                line.append(line.length() == 0 ? "" : ", ").append(n).append(' ').append(label(outcome));
                if (outcome != Metric.DONE) {
                    reasons(metrics, outcome.emfName(), reasons);
                }
            }
            if (all == 0) {
                return; // a function that took no message (a schedule's, an HTTP call's): nothing to sum
            }
            if (!reasons.isEmpty()) {
                line.append("  (").append(String.join(", ", reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()))
                        .append(')');
            }
            lines.add(String.format(Locale.ROOT, "  %-38s %s", function, line));
        });
        return lines;
    }

    private static void reasons(Map<String, Double> metrics, String name, Map<String, Long> reasons) {
        metrics.forEach((key, value) -> {
            int at = key.indexOf("Reason=");
            if (key.startsWith(name + "{") && at > 0) {
                String reason = key.substring(at + "Reason=".length()).replaceFirst("[,}].*", "");
                reasons.merge(reason, Math.round(value), Long::sum);
            }
        });
    }

    private static String label(Metric outcome) {
        return switch (outcome) {
            case DONE -> "done";
            case REJECTED -> "rejected";
            case RETRIED -> "retried";
            case TIMED_OUT -> "timed out";
            case HELD_BACK -> "held back";
            case DEAD_LETTERED -> "dead-lettered";
            default -> outcome.emfName();
        };
    }
}
