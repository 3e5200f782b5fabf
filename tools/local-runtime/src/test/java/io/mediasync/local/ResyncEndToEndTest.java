package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.local.bench.Images;
import io.mediasync.local.scenario.ResyncScenario;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.emf.EmfLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeds 002 and 004 through the local runtime and the real packages: the template's daily schedules fire
 * collection-resync (provide → execute), whose orders reach the real image-resizer, whose results reach
 * collection-resync-apply through GL_RESYNC_RESULTS; the resized images open on the image server with the stored
 * bytes. A changed channel image is resized again and the episode showing it follows.
 */
class ResyncEndToEndTest {

    static LocalCloud cloud;
    static Path data;
    static HttpFixture web;
    static MongoClient mongo;
    static ResyncScenario scenario;
    static ResultUrls urls;
    static final ObjectId CHANNEL = new ObjectId("6650b2f1c2a4e93b8f0e4f01");

    @BeforeAll
    static void start() throws Exception {
        web = new HttpFixture();
        data = Files.createTempDirectory("mediasync-resync");
        cloud = TestStacks.start(data, TestStacks.downloadsFrom(web), "--retry-delay", "PT1S");
        mongo = MongoClients.create(cloud.endpoints().mongo());
        scenario = new ResyncScenario(web, mongo.getDatabase(cloud.database().orElseThrow()), cloud.httpPort());
        urls = new ResultUrls(cloud);
    }

    @AfterAll
    static void stop() {
        if (urls != null) {
            urls.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (web != null) {
            web.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void schedulesResizeEveryImageThroughTheRealResizerAndAChangeIsFollowed() throws Exception {
        Date now = new Date();
        scenario.channels().insertMany(List.of(
                new Document("_id", CHANNEL).append("image_url", scenario.image("cover.jpg", Images.jpeg(640, 480, 1)))
                        .append("itunes_image", scenario.image("square.jpg", Images.jpeg(600, 600, 2))).append("updatedAt", now),
                new Document("_id", 2).append("image_url", scenario.missing("gone.jpg")).append("updatedAt", now)));
        scenario.episodes().insertMany(List.of(new Document("_id", "shows-its-channel").append("channel_id", CHANNEL),
                new Document("_id", "own").append("channel_id", CHANNEL).append("image_url", scenario.image("ep.jpg", Images.jpeg(320, 240, 3)))));

        List<String> runs = new ArrayList<>(scenario.trigger("DailyChannelImages"));
        runs.addAll(scenario.trigger("DailyEpisodeImages"));
        assertThat(runs).hasSize(2).allMatch(id -> id.contains("@")); // named after the scheduled time
        scenario.awaitCompleted(runs, Duration.ofMinutes(3));

        Document channel = scenario.doc(scenario.channels(), CHANNEL);
        for (String field : List.of("image_url_info", "itunes_image_info")) {
            Document info = channel.get(field, Document.class);
            assertThat(info).as(field).isNotNull();
            assertThat(info.keySet()).containsExactly("50x50", "250x250", "800x800");
            for (Object size : info.values()) {
                Document s = (Document) size;
                assertThat(s.getString("bucket_path")).isEqualTo("images-resized/channels/");
                assertThat(urls.check(s.getString("url"))).as(s.getString("url")).isEmpty();
            }
        }
        Document episode = scenario.doc(scenario.episodes(), "shows-its-channel");
        assertThat(episode.get("image_url_info")).isEqualTo(channel.get("image_url_info"));
        assertThat(episode.get("itunes_image_info")).isEqualTo(channel.get("itunes_image_info"));
        assertThat(resync(episode, "image_url").get("inherited_from")).isEqualTo(CHANNEL);
        Document own = scenario.doc(scenario.episodes(), "own");
        assertThat(own.get("image_url_info", Document.class).get("50x50", Document.class).getString("bucket_path"))
                .isEqualTo("images-resized/episodes/");
        Document broken = resync(scenario.doc(scenario.channels(), 2), "image_url");
        assertThat(broken.getString("status")).isEqualTo("failed");
        assertThat(broken.get("error", Document.class).getString("code")).isEqualTo("http_404");

        // the channel's cover changes: resized again, and the episode that shows it follows
        scenario.channels().updateOne(Filters.eq("_id", CHANNEL), Updates.combine(
                Updates.set("image_url", scenario.image("cover-2.jpg", Images.jpeg(640, 480, 4))), Updates.set("updatedAt", new Date())));
        List<String> again = scenario.invoke("{\"collection\": \"channels\"}");
        List<Document> done = scenario.awaitCompleted(again, Duration.ofMinutes(2));
        Document counts = done.get(0).get("counts", Document.class);
        assertThat(counts.getInteger("ordered")).isEqualTo(1);
        assertThat(counts.getInteger("inherited")).isEqualTo(1);
        Document changed = scenario.doc(scenario.channels(), CHANNEL);
        assertThat(changed.get("image_url_info")).isNotEqualTo(channel.get("image_url_info"));
        assertThat(changed.get("itunes_image_info")).isEqualTo(channel.get("itunes_image_info"));
        assertThat(scenario.doc(scenario.episodes(), "shows-its-channel").get("image_url_info")).isEqualTo(changed.get("image_url_info"));
        assertThat(mongo.getDatabase(cloud.database().orElseThrow()).getCollection("resync_storage").countDocuments()).isZero();
        everyStepsCountsAreInTheMetrics();
    }

    /** The three functions' EMF lines (their logs) add up to the run records' counts, metric by metric. */
    private void everyStepsCountsAreInTheMetrics() throws Exception {
        Map<String, String> fields = Map.of("DocumentsProvided", "provided", "DocumentsOrdered", "ordered", "DocumentsApplied",
                "applied", "DocumentsStale", "stale", "DocumentsFailed", "failed");
        List<Document> runs = mongo.getDatabase(cloud.database().orElseThrow()).getCollection("resync_runs")
                .find(Filters.exists("counts")).into(new ArrayList<>());
        Map<String, Double> expected = new java.util.HashMap<>();
        fields.forEach((metric, field) -> expected.put(metric, runs.stream()
                .map(r -> r.get("counts", Document.class).get(field, Number.class)).mapToDouble(n -> n == null ? 0 : n.doubleValue())
                .sum()));
        assertThat(expected.get("DocumentsOrdered")).as("something was ordered").isPositive();
        assertThat(expected.get("DocumentsFailed")).as("gone.jpg").isPositive();
        // the last step's line is written as its invocation ends, just after the record says completed
        Await.until(() -> fields.keySet().stream().allMatch(m -> metric(m) == expected.get(m)), Duration.ofSeconds(10));
        fields.keySet().forEach(m -> assertThat(metric(m)).as(m).isEqualTo(expected.get(m)));
    }

    private static double metric(String name) {
        double sum = 0;
        for (String function : List.of("collection-resync", "collection-resync-worker", "collection-resync-apply")) {
            String f = "mediasync-dev-" + function;
            sum += EmfLines.ofFile(data.resolve("logs").resolve(f + ".log"), 0).sum(name, f);
        }
        return sum;
    }

    private static Document resync(Document doc, String field) {
        return doc.get("image_resync", Document.class).get(field, Document.class);
    }
}
