package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The EMF lines the resizer writes on stdout (its log stream on Lambda) after real orders through the devstack, read
 * as CloudWatch would (EmfValidator), with values checked against what the orders did: bytes served and stored,
 * outcomes with their reasons, one value per stage.
 */
@QuarkusTest
class ResizerMetricsTest extends ResizerTestSupport {

    private static final String F = "image-resizer"; // quarkus.lambda.handler: no AWS_LAMBDA_FUNCTION_NAME in a test
    private static final byte[] SOURCE = TestImages.jpeg(1201, 899); // no other test serves it: not stored yet
    static HttpFixture http;

    @Inject
    S3Client s3;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        http.serve("/metrics.jpg", SOURCE, "image/jpeg");
        http.status("/metrics-missing.jpg", 404);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void oneOrderDoneTwoRejectedAndOneFailedAreCountedWithTheirBytesAndStages() throws Exception {
        PostbackReceiver receiver = http.receiver("/metrics-postback");
        http.receiver("/metrics-postback-failed"); // a failed order is not posted back unless it asks: nothing comes
        EmfLines lines;
        try (StdoutCapture out = new StdoutCapture()) {
            JsonNode done = invoke(SqsEventJson.event(record(newId(), order(http.url("/metrics.jpg"),
                    http.url("/metrics-postback")).toString(), 1)));
            assertThat(failedIds(done)).isEmpty();
            invoke(SqsEventJson.event(record(newId(), "{not json", 1)));
            invoke(SqsEventJson.event(record(newId(), "{\"bucket_name\":\"TEST\"}", 1)));
            invoke(SqsEventJson.event(record(newId(), order(http.url("/metrics-missing.jpg"),
                    http.url("/metrics-postback-failed")).toString(), 1)));
            lines = out.emf();
        }

        assertThat(lines.records()).allSatisfy(r -> assertThat(r.directives())
                .allSatisfy(d -> assertThat(d.namespace()).isEqualTo("mediasync")));
        assertThat(lines.sum("Done", F)).isEqualTo(1);
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "not_json"))).isEqualTo(1);
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "missing_image"))).isEqualTo(1);
        // the image's 404 is a failed order (finished, not retried), its reason bounded to the status class
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "http_4xx"))).isEqualTo(1);
        assertThat(lines.sum("Rejected", F)).isEqualTo(3);
        assertThat(lines.sum("Retried", F) + lines.sum("DeadLettered", F)).isZero();

        // bytes: what the server served in, what S3 holds out (the three sizes the postback names)
        assertThat(lines.values("BytesIn", Map.of("Function", F))).containsExactly((double) SOURCE.length);
        JsonNode result = JSON.readTree(receiver.await(1, Duration.ofSeconds(5)).get(0).body());
        long stored = 0;
        for (JsonNode size : result.get("image_url_info")) {
            String url = size.path("url").asText();
            String key = url.substring(url.indexOf("images-resized/"));
            stored += s3.headObject(b -> b.bucket("images-ch").key(key)).contentLength();
        }
        assertThat(lines.values("BytesOut", Map.of("Function", F))).containsExactly((double) stored);

        // one decode, by one of the three paths; one time per stage, for the order that got that far
        double decoded = 0;
        for (String path : List.of("planes", "pixels", "imageio")) {
            decoded += lines.sum("Decoded", Map.of("Function", F, "DecodePath", path));
        }
        assertThat(decoded).isEqualTo(1);
        for (String stage : List.of("DecodeTime", "ResizeTime", "EncodeTime", "StoreTime", "PostbackTime")) {
            assertThat(lines.values(stage, Map.of("Function", F))).as(stage).singleElement()
                    .satisfies(ms -> assertThat(ms).isGreaterThanOrEqualTo(0.0));
        }
        // downloads: the served image, and the 404 that never became bytes
        assertThat(lines.values("DownloadTime", Map.of("Function", F))).hasSize(1);
        assertThat(lines.sum("PostbackAttempts", Map.of("Function", F, "StatusClass", "2xx"))).isEqualTo(1);
    }
}
