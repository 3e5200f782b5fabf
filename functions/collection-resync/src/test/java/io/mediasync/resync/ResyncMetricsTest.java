package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * collection-resync's EMF lines over a whole run through the devstack (start, worker, the resizer's results, apply):
 * documents provided, ordered, applied, stale and failed, the same numbers the run record holds.
 */
@QuarkusTest
class ResyncMetricsTest extends ResyncTestSupport {

    // the three handlers share one process here, and the name quarkus.lambda.handler gives; on Lambda each has its own
    private static final String F = "collection-resync";

    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        Date now = new Date();
        collection("channels").insertMany(List.of(
                new Document("_id", "metrics-a").append("image_url", images.image("/metrics-a.jpg")).append("updatedAt", now),
                new Document("_id", "metrics-b").append("image_url", images.image("/metrics-b.jpg")).append("updatedAt", now),
                new Document("_id", "metrics-m").append("image_url", images.missing("/metrics-gone.jpg")).append("updatedAt", now)));
    }

    @Test
    void aRunsDocumentCountsAreItsMetrics() throws Exception {
        EmfLines lines;
        ResyncRequest.Response response;
        try (StdoutCapture out = new StdoutCapture()) {
            response = run("{\"collection\": \"channels\"}");
            List<String> orders = takeOrders();
            assertThat(orders).hasSize(3);
            for (String order : orders) {
                sendResult(RESIZER.resultFor(order));
            }
            sendResult(RESIZER.resultFor(orders.get(0))); // delivered twice: the second is stale
            applyResults();
            settle();
            lines = out.emf();
        }

        Document run = run(response, 0);
        assertThat(run.getString("phase")).isEqualTo("completed");
        Map<String, Integer> expected = Map.of("DocumentsProvided", 3, "DocumentsOrdered", 3, "DocumentsApplied", 2,
                "DocumentsStale", 1, "DocumentsFailed", 1); // metrics-m's 404 is failed
        Map<String, String> field = Map.of("DocumentsProvided", "provided", "DocumentsOrdered", "ordered", "DocumentsApplied",
                "applied", "DocumentsStale", "stale", "DocumentsFailed", "failed");
        expected.forEach((metric, n) -> {
            assertThat(lines.sum(metric, F)).as(metric).isEqualTo(n.doubleValue());
            assertThat(count(run, field.get(metric))).as(field.get(metric)).isEqualTo(n);
        });
        assertThat(lines.sum("Rejected", F) + lines.sum("DeadLettered", F)).isZero();
    }
}
