package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeSummaryTest {

    private static String line(String function, String metric, String reason, int n) {
        String dimensions = reason == null ? "[[\"Function\"]]" : "[[\"Function\"],[\"Function\",\"Reason\"]]";
        return "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"mediasync\",\"Dimensions\":" + dimensions
                + ",\"Metrics\":[{\"Name\":\"" + metric + "\",\"Unit\":\"Count\"}]}]},\"Function\":\"" + function + "\""
                + (reason == null ? "" : ",\"Reason\":\"" + reason + "\"") + ",\"" + metric + "\":" + n + "}";
    }

    @Test
    void eachFunctionsOutcomesAreSummedWithTheReasonsOfWhatDidNotEndDone() {
        EmfCounts counts = new EmfCounts();
        counts.add("mediasync-dev-image-resizer", line("r", "Done", null, 3));
        counts.add("mediasync-dev-image-resizer", line("r", "Done", null, 2));
        counts.add("mediasync-dev-image-resizer", line("r", "Rejected", "bad_url", 1));
        counts.add("mediasync-dev-image-resizer", line("r", "Retried", "http_5xx", 2));
        counts.add("mediasync-dev-image-resizer", line("r", "DeadLettered", "http_5xx", 1));
        counts.add("mediasync-dev-source-scheduler", line("s", "ColdStart", null, 1));

        assertThat(OutcomeSummary.lines(counts)).containsExactly(String.format("  %-38s %s", "mediasync-dev-image-resizer",
                "5 done, 1 rejected, 2 retried, 0 timed out, 0 held back, 1 dead-lettered  (bad_url 1, http_5xx 3)"));
    }
}
