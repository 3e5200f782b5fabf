package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RESYNC_WEBP on: the re-sync's orders ask for WebP renditions beside the JPEGs, and the document's info keeps each
 * size's WebP URL from the resizer's result (the JPEG's entry as ever beside it).
 */
@QuarkusTest
@TestProfile(ResyncWebpTest.WithWebp.class)
class ResyncWebpTest extends ResyncTestSupport {

    public static class WithWebp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.resync.webp", "true", "mediasync.mongo.database", "mediasync_resync_webp");
        }
    }

    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        collection("channels").insertOne(new Document("_id", "w1").append("image_url", images.image("/w1.jpg"))
                .append("updatedAt", new Date()));
    }

    @Test
    void ordersAskForWebpAndTheInfoKeepsItsUrls() throws Exception {
        run("{\"collection\": \"channels\"}");
        List<String> orders = takeOrders();
        assertThat(orders).hasSize(1);
        JsonNode order = JSON.readTree(orders.get(0));
        assertThat(order.path("formats")).isEqualTo(JSON.readTree("[\"jpeg\", \"webp\"]"));
        // the exact body, field order included: a resend with the same claim must be the same bytes
        assertThat(orders.get(0)).isEqualTo("{\"_id\":\"w1\",\"collection\":\"channels\",\"image_url\":\"" + images.image("/w1.jpg")
                + "\",\"bucket_name\":\"" + order.path("bucket_name").asText() + "\",\"redirect_queue\":\""
                + order.path("redirect_queue").asText() + "\",\"report_failures\":true,\"resync_token\":\""
                + order.path("resync_token").asText() + "\",\"resync_run\":\"" + order.path("resync_run").asText()
                + "\",\"formats\":[\"jpeg\",\"webp\"]}");

        // the resizer's result for such an order: each size's entry with its WebP's URL
        ObjectNode result = (ObjectNode) JSON.readTree(RESIZER.resultFor(orders.get(0)));
        result.path("image_url_info").fields().forEachRemaining(size -> ((ObjectNode) size.getValue())
                .putObject("webp").put("url", size.getValue().path("url").asText().replace(".jpeg", ".webp")));
        sendResult(result.toString());
        applyResults();
        settle();

        Document info = collection("channels").find(Filters.eq("_id", "w1")).first().get("image_url_info", Document.class);
        assertThat(info.keySet()).containsExactly("50x50", "250x250", "800x800");
        info.forEach((label, value) -> {
            Document entry = (Document) value;
            assertThat(entry.keySet()).containsExactly("url", "bucket_path", "webp");
            assertThat(entry.get("webp", Document.class).getString("url"))
                    .isEqualTo(entry.getString("url").replace(".jpeg", ".webp")).endsWith("_" + label + ".webp");
        });
    }
}
