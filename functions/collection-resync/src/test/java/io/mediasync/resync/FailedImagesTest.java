package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Images that cannot be resized (404, not an image, an address the SSRF guard refuses, a URL the resizer would not
 * take) are recorded failed with the resizer's reason in the same run, passed on to the episodes that show them,
 * and not ordered again until their URL changes or RESYNC_RETRY_FAILED_AFTER has passed.
 */
@QuarkusTest
class FailedImagesTest extends ResyncTestSupport {


    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        collection("channels").insertMany(List.of(
                new Document("_id", "missing").append("image_url", images.missing("/gone.jpg")),
                new Document("_id", "html").append("image_url", images.html("/page.html"))
                        .append("itunes_image", images.image("/html-itunes.jpg")),
                new Document("_id", "metadata").append("image_url", "http://169.254.169.254/latest/meta-data/"),
                new Document("_id", "not-a-url").append("image_url", "ftp:/nowhere")));
        collection("episodes").insertOne(new Document("_id", "ep").append("channel_id", "missing"));
    }

    @Test
    void brokenImagesAreRecordedFailedWithTheResizersReasonAndNotOrderedAgain() throws Exception {
        Document first = run(run("{\"collection\": \"channels\"}"), 0);
        List<String> orders = resize();
        assertThat(orders).hasSize(3); // the URL the resizer would refuse outright is not ordered
        applyResults();

        assertFailed("missing", "image_url", "http_404");
        assertFailed("html", "image_url", "not_an_image");
        assertThat(doc("html").get("itunes_image_info", Document.class)).isNotNull(); // its other image is fine
        assertFailed("metadata", "image_url", "blocked_address");
        assertFailed("not-a-url", "image_url", "bad_url");
        Document inherited = doc("episodes", "ep").get("image_resync", Document.class).get("image_url", Document.class);
        assertThat(inherited.getString("status")).isEqualTo("failed");
        assertThat(inherited.get("error", Document.class).getString("code")).isEqualTo("http_404");
        assertThat(inherited.get("inherited_from")).isEqualTo("missing");
        Document done = collection("resync_runs").find(Filters.eq("_id", first.getString("_id"))).first();
        assertThat(done.getString("phase")).isEqualTo("completed");
        assertThat(count(done, "failed")).isEqualTo(4);

        // the next run orders none of them again
        run("{\"collection\": \"channels\"}");
        assertThat(takeOrders()).isEmpty();

        // until the retry time has passed (as if 8 days went by), or the URL changes
        Date eightDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(8)));
        collection("channels").updateMany(Filters.in("_id", List.of("missing", "html")),
                Updates.set("image_resync.image_url.at", eightDaysAgo));
        collection("channels").updateOne(Filters.eq("_id", "metadata"), Updates.combine(
                Updates.set("image_url", images.image("/metadata-fixed.jpg")), Updates.set("updatedAt", new Date())));
        run("{\"collection\": \"channels\"}");
        List<String> again = takeOrders();
        assertThat(again).hasSize(3);
        for (String order : again) {
            JsonNode o = JSON.readTree(order);
            if (o.path("_id").asText().equals("html")) {
                assertThat(o.has("itunes_image")).as("the resized image is not ordered again").isFalse();
            }
        }
    }

    @Test
    void aFixedImageIsResizedAndItsEpisodesFollow() throws Exception {
        run("{\"collection\": \"channels\"}");
        settle();
        collection("channels").updateOne(Filters.eq("_id", "missing"), Updates.combine(
                Updates.set("image_url", images.image("/found.jpg")), Updates.set("updatedAt", new Date())));
        run("{\"collection\": \"channels\"}");
        settle();
        Document channel = doc("missing");
        assertThat(channel.get("image_resync", Document.class).get("image_url", Document.class).getString("status")).isEqualTo("done");
        Document episode = doc("episodes", "ep");
        assertThat(episode.get("image_url_info")).isEqualTo(channel.get("image_url_info"));
        assertThat(episode.get("image_resync", Document.class).get("image_url", Document.class).getString("status")).isEqualTo("done");
    }

    void assertFailed(String id, String field, String code) {
        Document channel = doc(id);
        assertThat(channel).as(id).doesNotContainKey(field + "_info");
        Document resync = channel.get("image_resync", Document.class).get(field, Document.class);
        assertThat(resync.getString("status")).as(id).isEqualTo("failed");
        assertThat(resync.getString("source_url")).isEqualTo(channel.getString(field));
        assertThat(resync.get("error", Document.class).getString("code")).as(id).isEqualTo(code);
        assertThat(resync.get("error", Document.class).getString("reason")).as(id).isNotBlank();
    }

    Document doc(String id) {
        return doc("channels", id);
    }

    Document doc(String collection, Object id) {
        return collection(collection).find(Filters.eq("_id", id)).first();
    }
}
