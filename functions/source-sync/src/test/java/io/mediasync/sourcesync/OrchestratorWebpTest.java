package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** SYNC_WEBP on: the orchestrator's resize orders ask for WebP beside the JPEGs, and removals take the WebPs too. */
@QuarkusTest
@TestProfile(OrchestratorWebpTest.WithWebp.class)
class OrchestratorWebpTest extends OrchestratorFixture {

    public static class WithWebp extends OrchestratorFixture.Orchestrator {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("mediasync.orchestrator.webp", "true");
            return overrides;
        }
    }

    @Test
    void theResizeOrderAsksForWebp() throws Exception {
        putSource(mongo, newSource(8201, "https://example.com/feed", "p8201/"));
        registered(8201, "cover.png", "image/png", sha("8201-a"));
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8201, \"filename\": \"cover.png\"}")).isEmpty();
        List<JsonNode> orders = bodies(drain(sqs, RESIZE));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("formats")).isEqualTo(JSON.readTree("[\"jpeg\", \"webp\"]"));
        assertThat(orders.get(0).path("bucket_name").asText()).isEqualTo("source-8201");
    }

    @Test
    void aDeletedFileLosesItsWebpsWithItsJpegs() {
        putSource(mongo, newSource(8202, "https://example.com/feed", "p/"));
        Document gone = registered(8202, "gone.jpg", "image/jpeg", sha("8202-own"));
        collection(mongo, "files").updateOne(Filters.eq("_id", gone.getObjectId("_id")),
                new Document("$set", new Document("deleted", true).append("deleteAnnounced", true)));
        List<String> thumbs = new ArrayList<>(thumbnails(8202, gone.getString("sha256")));
        List<String> webps = thumbs.stream().map(k -> k.replace(".jpeg", ".webp")).toList();
        webps.forEach(k -> putObject(s3, RESIZED_BUCKET, k, new byte[] {1}, Map.of()));

        assertThat(deliver(DELETED, "{\"source_id\": 8202, \"filename\": \"gone.jpg\"}")).isEmpty();

        thumbs.addAll(webps);
        assertThat(thumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as(k).isFalse());
        Document marked = collection(mongo, "files").find(Filters.eq("_id", gone.getObjectId("_id"))).first();
        assertThat(marked.getList("thumbnailsRemoved", String.class)).containsExactlyInAnyOrderElementsOf(thumbs);
    }
}
