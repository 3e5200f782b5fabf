package io.mediasync.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.EmfRecord;
import io.mediasync.testsupport.emf.StdoutCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Metrics.flush writes, read back as CloudWatch reads it (the EMF specification's rules, EmfValidator). */
class MetricsTest {

    private static final String F = "unknown"; // no Lambda environment, no Quarkus configuration in a unit test

    @Test
    void countsAddUpTimesKeepEachValueAndEveryLineIsAValidEmfDocument() {
        try (StdoutCapture out = new StdoutCapture()) {
            Metrics.flush(); // ColdStart=1 if this is the process's first flush (the end-to-end tests check it in a fresh one)
            EmfLines first = out.emf();
            double coldStarts = first.sum("ColdStart", F);
            assertThat(coldStarts).isBetween(0.0, 1.0);

            Metrics.count(Metric.DONE, 1);
            Metrics.count(Metric.DONE, 1);
            Metrics.count(Metric.REJECTED, "not_json", 1);
            Metrics.count(Metric.POSTBACK_ATTEMPTS, "5xx", 2);
            Metrics.nanos(Metric.DOWNLOAD_TIME, 1_500_000);
            Metrics.nanos(Metric.DOWNLOAD_TIME, 250_000);
            Metrics.value(Metric.BYTES_IN, 12_345);
            Metrics.flush();
            Metrics.flush(); // nothing new: nothing written

            EmfLines lines = out.emf();
            assertThat(lines.records()).hasSize(first.records().size() + 3); // Function; Function+Reason; Function+StatusClass
            assertThat(lines.sum("ColdStart", F)).isEqualTo(coldStarts); // never again in the same process
            assertThat(lines.sum("Done", F)).isEqualTo(2);
            assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "not_json"))).isEqualTo(1);
            assertThat(lines.sum("Rejected", F)).isEqualTo(1); // also filed under Function alone, for the alarms
            assertThat(lines.sum("PostbackAttempts", Map.of("Function", F, "StatusClass", "5xx"))).isEqualTo(2);
            assertThat(lines.values("DownloadTime", Map.of("Function", F))).containsExactly(1.5, 0.25);
            assertThat(lines.values("BytesIn", Map.of("Function", F))).containsExactly(12_345.0);
            EmfRecord done = lines.records().stream().filter(r -> r.values().containsKey("Done")).findFirst().orElseThrow();
            assertThat(done.directives()).singleElement().satisfies(d -> {
                assertThat(d.namespace()).isEqualTo("mediasync");
                assertThat(d.dimensionSets()).containsExactly(List.of("Function"));
                assertThat(d.units()).containsEntry("Done", "Count").containsEntry("DownloadTime", "Milliseconds")
                        .containsEntry("BytesIn", "Bytes");
            });
        }
    }

    @Test
    void moreThanAHundredValuesGoOnFurtherLinesAsTheSpecificationLimitsAnArray() {
        try (StdoutCapture out = new StdoutCapture()) {
            Metrics.flush();
            int before = out.emf().records().size();
            for (int i = 1; i <= 250; i++) {
                Metrics.value(Metric.STORE_TIME, i);
            }
            Metrics.count(Metric.DONE, 250);
            Metrics.flush();
            EmfLines lines = out.emf();
            assertThat(lines.records()).hasSize(before + 3);
            assertThat(lines.values("StoreTime", Map.of("Function", F))).hasSize(250);
            assertThat(lines.sum("StoreTime", F)).isEqualTo(250 * 251 / 2);
            assertThat(lines.sum("Done", F)).isEqualTo(250); // once, on the first line only
        }
    }

    @Test
    void valuesThatJsonCannotCarryAreLeftOutAndStringsAreEscaped() {
        MetricsBuffer buffer = new MetricsBuffer();
        buffer.add(Metric.DECODE_TIME, null, Double.NaN);
        buffer.add(Metric.DECODE_TIME, null, Double.POSITIVE_INFINITY);
        assertThat(buffer.drain()).isEmpty();
        buffer.add(Metric.RETRIED, "a\"b\\c\n", 1);
        var drained = buffer.drain();
        String line = EmfFormat.lines("mediasync", "fn", 1L, drained.keySet().iterator().next(), drained.values().iterator().next())
                .get(0);
        assertThat(line).contains("\"Reason\":\"a\\\"b\\\\c\\u000a\"");
        assertThat(EmfFormat.number(2.0)).isEqualTo("2");
        assertThat(EmfFormat.number(0.125)).isEqualTo("0.125");
    }

    @Test
    void theFunctionDimensionIsTheLambdaFunctionsNameElseTheHandlers() {
        assertThat(FunctionName.resolve("mediasync-prod-image-resizer", "image-resizer", java.util.Optional.empty()))
                .isEqualTo("mediasync-prod-image-resizer");
        assertThat(FunctionName.resolve(null, "source-downloader", java.util.Optional.of("x"))).isEqualTo("source-downloader");
        assertThat(FunctionName.resolve("", null, java.util.Optional.of("catalog-sync"))).isEqualTo("catalog-sync");
        assertThat(FunctionName.resolve(null, null, java.util.Optional.empty())).isEqualTo("unknown");
    }

    @Test
    void reasonsAndStatusClassesAreBoundedSets() {
        assertThat(ReasonCodes.bounded("not_json")).isEqualTo("not_json");
        assertThat(ReasonCodes.bounded("http_404")).isEqualTo("http_4xx");
        assertThat(ReasonCodes.bounded("postback_http_503")).isEqualTo("postback_http_5xx");
        assertThat(ReasonCodes.bounded("Some Message")).isEqualTo("other");
        assertThat(ReasonCodes.bounded(null)).isEqualTo("other");
        assertThat(StatusClass.of(204)).isEqualTo("2xx");
        assertThat(StatusClass.of(410)).isEqualTo("4xx");
        assertThat(StatusClass.of(0)).isEqualTo("network_error");
    }
}
