package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** File events become resize orders, once per content; bad events are recorded and not retried. */
@QuarkusTest
@TestProfile(OrchestratorFixture.Orchestrator.class)
class OrchestratorOrdersTest extends OrchestratorFixture {

    @Test
    void seedShapedDownloadedEventBecomesOneResizeOrder() throws Exception {
        putSource(mongo, newSource(8101, "https://example.com/feed", "p8101/").append("postback_url", "https://example.com/pb"));
        Document file = registered(8101, "6miu5n4ybt3.jpg", "image/jpeg", sha("8101-a"));

        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();

        List<Message> orders = drain(sqs, RESIZE);
        assertThat(orders).hasSize(1);
        JsonNode order = JSON.readTree(orders.get(0).body());
        assertThat(order.path("image_url").asText()).isEqualTo("s3://mediasync-content/content/p8101/6miu5n4ybt3.jpg");
        assertThat(order.path("bucket_name").asText()).isEqualTo("source-8101");
        assertThat(order.path("postback_url").asText()).isEqualTo("https://example.com/pb");
        assertThat(order.has("redirect_queue")).as("the source's postback is enough").isFalse();
        assertThat(order.path("source_id").asLong()).isEqualTo(8101);
        assertThat(order.path("filename").asText()).isEqualTo("6miu5n4ybt3.jpg");
        assertThat(order.path("file_id").asText()).isEqualTo(file.getObjectId("_id").toHexString());
        assertThat(order.has("formats")).as("SYNC_WEBP off: the seed's order").isFalse();
        assertThat(orders.get(0).body()).as("the exact body: a changed one would pass the resizer's dedup window")
                .isEqualTo("{\"image_url\":\"s3://mediasync-content/content/p8101/6miu5n4ybt3.jpg\",\"bucket_name\":\"source-8101\","
                        + "\"postback_url\":\"https://example.com/pb\",\"source_id\":8101,\"filename\":\"6miu5n4ybt3.jpg\","
                        + "\"file_id\":\"" + file.getObjectId("_id").toHexString() + "\",\"sha256\":\"" + sha("8101-a") + "\"}");
        assertThat(orders.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "source-8101")
                .containsEntry("MessageDeduplicationId", sha(sha("8101-a") + "content/p8101/6miu5n4ybt3.jpg"));
        Document recorded = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(recorded.get("imageOrder", Document.class).getString("status")).isEqualTo("sent");

        // the same event again, or as a "skipped" event: already ordered
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();
        assertThat(deliver(SKIPPED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();
        assertThat(drain(sqs, RESIZE)).isEmpty();
    }

    @Test
    void skippedImageNeverOrderedIsOrderedAsARepair() {
        putSource(mongo, newSource(8102, "https://example.com/feed", "p/").append("redirect_queue", "ChannelThumbs"));
        registered(8102, "late.png", "image/png", sha("8102-a"));
        assertThat(deliver(SKIPPED, "{\"source_id\": 8102, \"filename\": \"late.png\"}")).isEmpty();
        List<JsonNode> orders = bodies(drain(sqs, RESIZE));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("redirect_queue").asText()).isEqualTo("ChannelThumbs");
    }

    @Test
    void nonImageFilesAreRegisteredButNotOrdered() {
        putSource(mongo, newSource(8103, "https://example.com/feed", "p/"));
        Document file = registered(8103, "notes.pdf", "application/pdf", sha("8103-a"));
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8103, \"filename\": \"notes.pdf\"}")).isEmpty();
        assertThat(drain(sqs, RESIZE)).isEmpty();
        Document recorded = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(recorded.get("imageOrder", Document.class).getString("status")).isEqualTo("not_an_image");
    }

    @Test
    void badEventsAreRecordedAndNotRetried() {
        putSource(mongo, newSource(8104, "https://example.com/feed", "p/"));
        Map<String, String[]> cases = Map.of(
                "not json at all", new String[] {DOWNLOADED, "not_json"},
                "{\"source_id\": 8104, \"filename\": \"never-registered.jpg\"}", new String[] {DOWNLOADED, "unknown_file"},
                "{\"source_id\": 999999, \"filename\": \"x.jpg\"}", new String[] {DELETED, "unknown_source"},
                "{\"filename\": \"x.jpg\"}", new String[] {SKIPPED, "missing_source_id"},
                "{\"source_id\": 8104}", new String[] {"SomeOtherQueue", "unknown_event"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String messageId = newId();
            String event = SqsEventJson.event(SqsEventJson.record(c.getValue()[0], messageId, c.getKey(), 1, null));
            assertThat(failedIds(invoke(event))).as(c.getKey()).isEmpty();
            Document record = collection(mongo, "sync_events").find(Filters.eq("_id", messageId)).first();
            assertThat(record).as(c.getKey()).isNotNull();
            assertThat(record.get("error", Document.class).getString("code")).as(c.getKey()).isEqualTo(c.getValue()[1]);
        }
    }
}
