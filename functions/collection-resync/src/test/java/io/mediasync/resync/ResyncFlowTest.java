package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.testsupport.DevStackTestResource;
import io.mediasync.testsupport.MongoSrvContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily re-sync of channels and episodes through the real servers: provide → storage → execute → the resize
 * queue → (the resizer's results) → apply, with ids of three BSON types and episodes that show their channel's images.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "queues", value = "InternalImageQueue.fifo,GL_RESYNC_RESULTS,GL_RESYNC_WORK.fifo")})
class ResyncFlowTest extends ResyncTestSupport implements MongoSrvContract {

    static final ObjectId C1 = new ObjectId("6650b2f1c2a4e93b8f0e4c01");
    static final String C2 = "chan-2";
    static final int C3 = 3;
    static final ObjectId E1 = new ObjectId("6650b2f1c2a4e93b8f0e4e01");
    static final String E2 = "ep-2";
    static final long E3 = 7L;
    static final String E4 = "ep-4";

    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        Date now = new Date();
        collection("channels").insertMany(List.of(
                new Document("_id", C1).append("title", "one").append("image_url", images.image("/c1.jpg"))
                        .append("itunes_image", images.image("/c1-itunes.jpg")).append("updatedAt", now),
                new Document("_id", C2).append("title", "two").append("image_url", images.image("/c2.jpg")), // no updatedAt
                new Document("_id", C3).append("title", "three, no image").append("updatedAt", now)));
        collection("episodes").insertMany(List.of(
                new Document("_id", E1).append("channel_id", C1).append("title", "shows its channel's images").append("updatedAt", now),
                new Document("_id", E2).append("channel_id", C1).append("image_url", images.image("/e2.jpg")).append("updatedAt", now),
                new Document("_id", E3).append("channel_id", C2).append("title", "shows channel two's"),
                new Document("_id", E4).append("channel_id", C3).append("updatedAt", now)));
    }

    @Test
    void firstRunResizesEveryImageAndWritesInfos() throws Exception {
        ResyncRequest.Response channels = run("{\"collection\": \"channels\"}");
        ResyncRequest.Response episodes = run("{\"collection\": \"episodes\"}");
        List<String> orders = resize();
        assertThat(orders).hasSize(3); // c1 (two images), c2, e2: one order per document
        assertThat(orders).allSatisfy(o -> assertThat(JSON.readTree(o).has("formats")).as("RESYNC_WEBP off").isFalse());
        applyResults();
        settle();

        assertOwnInfo("channels", C1, "image_url", "/c1.jpg");
        assertOwnInfo("channels", C1, "itunes_image", "/c1-itunes.jpg");
        assertOwnInfo("channels", C2, "image_url", "/c2.jpg");
        assertThat(doc("channels", C2)).doesNotContainKey("itunes_image_info");
        assertThat(doc("channels", C3)).doesNotContainKeys("image_resync", "image_url_info");
        assertOwnInfo("episodes", E2, "image_url", "/e2.jpg");
        assertThat(doc("episodes", E2)).doesNotContainKey("itunes_image_info"); // it has an image of its own: no inheritance
        assertInherited(E1, C1, "image_url", "/c1.jpg");
        assertInherited(E1, C1, "itunes_image", "/c1-itunes.jpg");
        assertInherited(E3, C2, "image_url", "/c2.jpg");
        assertThat(doc("episodes", E4)).doesNotContainKeys("image_resync", "image_url_info");

        assertThat(collection("resync_storage").countDocuments()).isZero();
        Document channelRun = run(channels, 0);
        assertThat(channelRun.getString("phase")).isEqualTo("completed");
        assertThat(count(channelRun, "provided")).isEqualTo(2);
        assertThat(count(channelRun, "related")).isEqualTo(2); // e1 and e3 show their channel's images
        assertThat(count(channelRun, "ordered")).isEqualTo(2);
        assertThat(count(channelRun, "applied")).isEqualTo(3);
        assertThat(count(channelRun, "inherited")).isEqualTo(2);
        assertThat(run(episodes, 0).getString("phase")).isEqualTo("completed");
        assertThat(collection("resync_runs").find(Filters.eq("_id", "watermark:channels")).first().getDate("to"))
                .isEqualTo(channelRun.get("watermark", Document.class).getDate("to"));
    }

    @Test
    void unchangedSecondRunOrdersNothing() throws Exception {
        run("{\"collection\": \"channels\"}");
        run("{\"collection\": \"episodes\"}");
        settle();
        Document before = doc("episodes", E1);

        ResyncRequest.Response channels = run("{\"collection\": \"channels\"}");
        ResyncRequest.Response episodes = run("{\"collection\": \"episodes\"}");
        assertThat(takeOrders()).isEmpty();
        for (Document run : List.of(run(channels, 0), run(episodes, 0))) {
            assertThat(run.getString("phase")).isEqualTo("completed");
            assertThat(count(run, "provided")).isZero();
            assertThat(count(run, "ordered")).isZero();
        }
        assertThat(doc("episodes", E1)).isEqualTo(before);
    }

    @Test
    void changedChannelImageIsResizedAgainAndItsInheritingEpisodesFollow() throws Exception {
        run("{\"collection\": \"channels\"}");
        run("{\"collection\": \"episodes\"}");
        settle();
        Document e2Before = doc("episodes", E2);

        collection("channels").updateOne(Filters.eq("_id", C1), Updates.combine(Updates.set("image_url", images.image("/c1-new.jpg")),
                Updates.set("updatedAt", new Date())));
        ResyncRequest.Response channels = run("{\"collection\": \"channels\"}");
        List<String> orders = resize();
        assertThat(orders).hasSize(1);
        JsonNode order = JSON.readTree(orders.get(0));
        assertThat(order.path("image_url").asText()).endsWith("/c1-new.jpg");
        assertThat(order.has("itunes_image")).as("the unchanged image is not ordered again").isFalse();
        applyResults();

        assertOwnInfo("channels", C1, "image_url", "/c1-new.jpg");
        assertOwnInfo("channels", C1, "itunes_image", "/c1-itunes.jpg");
        assertInherited(E1, C1, "image_url", "/c1-new.jpg");
        assertInherited(E1, C1, "itunes_image", "/c1-itunes.jpg");
        assertThat(doc("episodes", E2)).isEqualTo(e2Before);
        Document run = run(channels, 0);
        assertThat(run.getString("phase")).isEqualTo("completed");
        assertThat(count(run, "provided")).isEqualTo(1);
        assertThat(count(run, "related")).isEqualTo(1);
        assertThat(count(run, "inherited")).isEqualTo(1);
    }

    @Test
    void anEpisodeThatGetsItsOwnImageStopsInheriting() throws Exception {
        run("{\"collection\": \"channels\"}");
        run("{\"collection\": \"episodes\"}");
        settle();
        collection("episodes").updateOne(Filters.eq("_id", E1), Updates.combine(Updates.set("image_url", images.image("/e1-own.jpg")),
                Updates.set("updatedAt", new Date())));
        run("{\"collection\": \"episodes\"}");
        settle();
        assertOwnInfo("episodes", E1, "image_url", "/e1-own.jpg");
        Document e1 = doc("episodes", E1);
        assertThat(e1).doesNotContainKey("itunes_image_info");
        assertThat(e1.get("image_resync", Document.class)).doesNotContainKey("itunes_image");
    }

    @Test
    void aChannelWhoseImageIsRemovedLosesItsInfosAndSoDoItsEpisodes() throws Exception {
        run("{\"collection\": \"channels\"}");
        run("{\"collection\": \"episodes\"}");
        settle();
        collection("channels").updateOne(Filters.eq("_id", C2), Updates.combine(Updates.unset("image_url"), Updates.set("updatedAt", new Date())));
        Document run = run(run("{\"collection\": \"channels\"}"), 0);
        assertThat(takeOrders()).isEmpty();
        assertThat(run.getString("phase")).isEqualTo("completed");
        assertThat(doc("channels", C2)).doesNotContainKeys("image_url_info", "image_resync").containsEntry("title", "two");
        assertThat(doc("episodes", E3)).doesNotContainKeys("image_url_info", "image_resync");
    }

    void assertOwnInfo(String collection, Object id, String field, String path) {
        Document doc = doc(collection, id);
        assertThat(doc.get(field + "_info", Document.class)).as(collection + " " + id + " " + field + "_info")
                .isEqualTo(Document.parse(RESIZER.infoOf(images.bytes(path), collection).toString()));
        Document resync = doc.get("image_resync", Document.class).get(field, Document.class);
        assertThat(resync.getString("source_url")).endsWith(path);
        assertThat(resync.getString("status")).isEqualTo("done");
        assertThat(resync.getDate("at")).isNotNull();
        assertThat(resync).doesNotContainKeys("inherited_from", "error");
    }

    void assertInherited(Object episode, Object channel, String field, String path) {
        Document doc = doc("episodes", episode);
        assertThat(doc.get(field + "_info", Document.class)).as("episode " + episode + " " + field + "_info")
                .isEqualTo(Document.parse(RESIZER.infoOf(images.bytes(path), "channels").toString()));
        Document resync = doc.get("image_resync", Document.class).get(field, Document.class);
        assertThat(resync.getString("source_url")).endsWith(path);
        assertThat(resync.getString("status")).isEqualTo("done");
        assertThat(resync.get("inherited_from")).isEqualTo(channel);
    }

    Document doc(String collection, Object id) {
        return collection(collection).find(Filters.eq("_id", id)).first();
    }
}
