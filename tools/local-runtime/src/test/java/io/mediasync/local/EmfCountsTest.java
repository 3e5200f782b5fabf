package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EMF lines summed as CloudWatch extracts them: metrics named by the directive, values at the top level, per dimension values. */
class EmfCountsTest {

    @Test
    void sumsTheDirectivesMetricsPerDimensionValuesAndSkipsOtherLines() {
        EmfCounts counts = new EmfCounts();
        String done = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"mediasync\",\"Dimensions\":[[\"Function\",\"Outcome\"]],"
                + "\"Metrics\":[{\"Name\":\"Messages\",\"Unit\":\"Count\"},{\"Name\":\"BytesOut\",\"Unit\":\"Bytes\"}]}]},"
                + "\"Function\":\"image-resizer\",\"Outcome\":\"done\",\"Messages\":1,\"BytesOut\":[100,50]}";
        String rejected = "{\"_aws\":{\"Timestamp\":2,\"CloudWatchMetrics\":[{\"Namespace\":\"mediasync\",\"Dimensions\":[[\"Function\","
                + "\"Outcome\"],[\"Function\",\"Reason\"]],\"Metrics\":[{\"Name\":\"Messages\"}]}]},\"Function\":\"image-resizer\","
                + "\"Outcome\":\"rejected\",\"Reason\":\"bad_url\",\"Messages\":2}";
        counts.add("resizer", done);
        counts.add("resizer", done);
        counts.add("resizer", rejected);
        counts.add("resizer", "2026-12-07 INFO {\"_aws\": not at the start, a plain log line");
        counts.add("resizer", "{\"level\":\"INFO\",\"message\":\"JSON, but no _aws\"}");
        counts.add("resizer", "{\"_aws\": broken");
        assertThat(counts.lines()).isEqualTo(3);
        assertThat(counts.sums().get("resizer")).containsEntry("Messages{Function=image-resizer,Outcome=done}", 2.0)
                .containsEntry("BytesOut{Function=image-resizer,Outcome=done}", 300.0)
                .containsEntry("Messages{Function=image-resizer,Outcome=rejected,Reason=bad_url}", 2.0).hasSize(3);
        // by function: one metric over every dimension value, nothing from another function or a metric sharing a prefix
        counts.add("scheduler", done);
        assertThat(counts.total("resizer", "Messages")).isEqualTo(4);
        assertThat(counts.total("resizer", "BytesOut")).isEqualTo(300);
        assertThat(counts.total("resizer", "Bytes")).isZero();
        assertThat(counts.total("downloader", "Messages")).isZero();
    }
}
