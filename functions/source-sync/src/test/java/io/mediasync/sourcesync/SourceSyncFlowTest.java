package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.testsupport.DevStackTestResource;
import io.mediasync.testsupport.MongoSrvContract;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The story on a local website: a podcast feed and a two-page HTML gallery. First sync downloads
 * everything and the orchestrator orders every image; the second sync skips everything with one conditional
 * GET per source; an item removed from the feed is deleted with its thumbnails; a changed image is downloaded
 * and ordered again. (The test resource is global: every test class of the module gets these queues and buckets.)
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "buckets", value = "mediasync-content,images-ch"),
        @ResourceArg(name = "queues", value = "GL_SYNC_HTTP_SOURCE_ORDERS.fifo,GL_FILE_DOWNLOADED,GL_FILE_DOWNLOAD_SKIPPED,"
                + "GL_SOURCE_SYNCHRONIZED,GL_FILE_DELETED,InternalImageQueue.fifo,GL_THUMBNAILS_READY,ChannelThumbs")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceSyncFlowTest extends SyncTestSupport implements MongoSrvContract {

    static final long FEED = 7001;
    static final long GALLERY = 7002;
    static final List<String> LABELS = List.of("50x50", "250x250", "800x800");
    static SourceServer server;

    @Inject
    @Named("sync-orchestrator")
    RequestHandler<SqsEvent, SqsBatchResponse> orchestrator;

    @BeforeAll
    static void website() {
        server = new SourceServer();
        server.put("/img/channel.jpg", TestImages.swatchJpeg(0x102030), "image/jpeg");
        server.put("/img/cover.jpg", TestImages.swatchJpeg(0x203040), "image/jpeg");
        server.put("/img/ep1.jpg", TestImages.swatchJpeg(0x304050), "image/jpeg");
        server.put("/img/ep2.jpg", TestImages.swatchJpeg(0x405060), "image/jpeg");
        server.put("/img/ep3.png", TestImages.swatchPng(0x506070), "image/png");
        server.put("/audio/1.mp3", new byte[] {1, 2, 3}, "audio/mpeg");
        putFeed(true, "Mon, 01 Jan 2024 10:00:00 GMT");

        server.put("/gallery/img/large.jpg", TestImages.swatchJpeg(0xC00000), "image/jpeg");
        server.put("/gallery/img/small.jpg", TestImages.swatchJpeg(0x00C000), "image/jpeg");
        server.put("/gallery/img/g1.jpg", TestImages.swatchJpeg(0x0000C0), "image/jpeg");
        server.put("/gallery/img/big.png", TestImages.swatchPng(0xC0C000), "image/png");
        server.put("/gallery/img/raw.jpg", "this is not an image".getBytes(), "text/plain");
        server.put("/gallery/other/g1.jpg", TestImages.swatchJpeg(0x00C0C0), "image/jpeg");
        server.put("/gallery/img/lazy.jpg", TestImages.swatchJpeg(0xC000C0), "image/jpeg");
        server.putText("/gallery/page1.html", """
                <!doctype html><html><head><title>Gallery</title><link rel="next" href="page2.html"></head><body>
                <img src="img/small.jpg" srcset="img/small.jpg 300w, img/large.jpg 1200w" alt="">
                <img src="img/g1.jpg?utm_source=newsletter">
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <a href="img/big.png">full size</a> <a href="about.html">about</a> <a href="img/raw.jpg">raw</a>
                </body></html>""", "text/html; charset=utf-8");
        server.putText("/gallery/page2.html", """
                <!doctype html><html><body><a rel="prev" href="page1.html">back</a>
                <img src="img/g1.jpg"><img src="/gallery/other/g1.jpg">
                <img data-src="img/lazy.jpg" src="img/placeholder.gif">
                </body></html>""", "text/html");
    }

    static void putFeed(boolean withEpisode2, String buildDate) {
        List<Feeds.Episode> episodes = new java.util.ArrayList<>(List.of(
                new Feeds.Episode("ep-1", "/img/ep1.jpg", "/audio/1.mp3", "audio/mpeg")));
        if (withEpisode2) {
            episodes.add(new Feeds.Episode("ep-2", null, "/img/ep2.jpg?utm_source=rss&utm_medium=feed", "image/jpeg"));
        }
        episodes.add(new Feeds.Episode(null, null, "/img/ep3.png?utm_medium=rss", "image/png"));
        server.putText("/podcast.xml", Feeds.podcast(server.url(""), buildDate, "/img/channel.jpg", "/img/cover.jpg", episodes),
                "application/rss+xml");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String syncBoth() {
        return SqsEventJson.event(orderRecord(FEED, server.url("/podcast.xml"), "podcasts/"),
                orderRecord(GALLERY, server.url("/gallery/page1.html"), "galleries/summer"));
    }

    @Test
    @Order(1)
    void firstSyncDownloadsEverythingAndTheOrchestratorOrdersEveryImage() throws Exception {
        drainAll(sqs);
        putSource(mongo, newSource(FEED, server.url("/podcast.xml"), "podcasts/").append("redirect_queue", "ChannelThumbs"));
        putSource(mongo, newSource(GALLERY, server.url("/gallery/page1.html"), "galleries/summer"));

        assertThat(failedIds(invoke(syncBoth()))).isEmpty();

        List<Message> downloadedMessages = drain(sqs, DOWNLOADED);
        List<JsonNode> downloaded = bodies(downloadedMessages);
        assertThat(filenames(ofSource(downloaded, FEED))).containsExactly("channel.jpg", "cover.jpg", "ep1.jpg", "ep2.jpg",
                "ep3.png");
        List<String> galleryNames = filenames(ofSource(downloaded, GALLERY));
        assertThat(galleryNames).hasSize(6).contains("large.jpg", "g1.jpg", "big.png", "raw.jpg", "lazy.jpg")
                .doesNotContain("small.jpg", "placeholder.gif");
        assertThat(galleryNames.stream().filter(n -> n.matches("g1-[0-9a-f]{8}\\.jpg"))).hasSize(1);
        JsonNode ep1 = ofSource(downloaded, FEED).stream().filter(e -> e.path("filename").asText().equals("ep1.jpg")).findFirst()
                .orElseThrow();
        assertThat(ep1.path("source_id").isIntegralNumber()).isTrue();
        assertThat(ep1.path("event").asText()).isEqualTo("file_downloaded");
        assertThat(ep1.path("key").asText()).isEqualTo("content/podcasts/ep1.jpg");
        assertThat(ep1.path("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(ep1.path("remote_id").asText()).isEqualTo("guid:ep-1#item:itunes:image");
        assertThat(ep1.path("sha256").asText()).hasSize(64);
        assertThat(drain(sqs, SKIPPED)).isEmpty();
        assertThat(server.hits("/audio/1.mp3")).as("audio enclosures are not gallery files").isZero();
        assertThat(server.hits("/gallery/img/g1.jpg")).as("the same picture on two pages is one file").isEqualTo(1);

        List<JsonNode> synced = bodies(drain(sqs, SYNCHRONIZED));
        assertThat(synced).hasSize(2);
        for (JsonNode s : synced) {
            assertThat(s.path("downloaded").asLong()).isEqualTo(s.path("source_id").asLong() == FEED ? 5 : 6);
            assertThat(s.path("skipped").asLong()).isZero();
            assertThat(s.path("deleted").asLong()).isZero();
            assertThat(s.path("failed").asLong()).isZero();
        }

        // S3 objects and registry rows
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(CONTENT_BUCKET).key("content/podcasts/ep1.jpg")).asByteArray();
        assertThat(SourceServer.sha(stored)).isEqualTo(ep1.path("sha256").asText());
        assertThat(s3.headObject(b -> b.bucket(CONTENT_BUCKET).key("content/galleries/summer/large.jpg")).contentType())
                .isEqualTo("image/jpeg");
        assertThat(files(mongo, FEED)).hasSize(5).allSatisfy(f -> {
            assertThat(f.getInteger("version")).isEqualTo(1);
            assertThat(f.getInteger("announcedVersion")).isEqualTo(1);
            assertThat(f.getString("etag")).isNotBlank();
            assertThat(f.get("firstSeenAt")).isNotNull();
        });
        assertThat(file(mongo, FEED, "ep3.png").getString("remote_id"))
                .as("no GUID: the enclosure URL without tracking query").isEqualTo("url:" + server.url("/img/ep3.png"));
        Document feedSource = source(mongo, FEED);
        assertThat(feedSource.getString("lastSyncStatus")).isEqualTo("completed");
        assertThat(feedSource.getString("listingEtag")).isNotBlank();
        assertThat(feedSource.get("lastSyncCounts", Document.class).get("downloaded", Number.class).longValue()).isEqualTo(5);

        // the orchestrator: one resize order per image, none for the text file
        SqsBatchResponse answer = orchestrator.handleRequest(sqsEvent(SqsEventJson.fromReceived(DOWNLOADED, downloadedMessages)),
                null);
        assertThat(answer.batchItemFailures()).isEmpty();
        List<Message> orderMessages = drain(sqs, RESIZE);
        List<JsonNode> orders = bodies(orderMessages);
        assertThat(orders).hasSize(10);
        JsonNode ep1Order = orders.stream().filter(o -> o.path("filename").asText().equals("ep1.jpg")).findFirst().orElseThrow();
        assertThat(ep1Order.path("image_url").asText()).isEqualTo("s3://mediasync-content/content/podcasts/ep1.jpg");
        assertThat(ep1Order.path("bucket_name").asText()).isEqualTo("source-7001");
        assertThat(ep1Order.path("redirect_queue").asText()).isEqualTo("ChannelThumbs");
        assertThat(ep1Order.has("postback_url")).isFalse();
        assertThat(ep1Order.path("source_id").asLong()).isEqualTo(FEED);
        assertThat(ep1Order.path("sha256").asText()).isEqualTo(ep1.path("sha256").asText());
        assertThat(ep1Order.path("file_id").asText()).isEqualTo(ep1.path("file_id").asText());
        assertThat(ofSource(orders, GALLERY)).hasSize(5).allSatisfy(o ->
                assertThat(o.path("redirect_queue").asText()).isEqualTo("GL_THUMBNAILS_READY"));
        assertThat(orderMessages).allSatisfy(m -> assertThat(m.attributesAsStrings().get("MessageGroupId")).startsWith("source-"));
        assertThat(file(mongo, GALLERY, "raw.jpg").get("imageOrder", Document.class).getString("status")).isEqualTo("not_an_image");

        // a redelivered batch of the same events orders nothing again
        orchestrator.handleRequest(sqsEvent(SqsEventJson.fromReceived(DOWNLOADED, downloadedMessages)), null);
        assertThat(drain(sqs, RESIZE)).isEmpty();
    }

    @Test
    @Order(2)
    void secondSyncSkipsEverythingWithOneConditionalGetPerSource() {
        drainAll(sqs);
        server.resetHits();

        assertThat(failedIds(invoke(syncBoth()))).isEmpty();

        assertThat(server.totalHits()).as("one request per source: the listing's conditional GET").isEqualTo(2);
        assertThat(server.requests("/podcast.xml").get(0)).containsKey("if-none-match");
        assertThat(drain(sqs, DOWNLOADED)).isEmpty();
        List<Message> skippedMessages = drain(sqs, SKIPPED);
        List<JsonNode> skipped = bodies(skippedMessages);
        assertThat(filenames(ofSource(skipped, FEED))).containsExactly("channel.jpg", "cover.jpg", "ep1.jpg", "ep2.jpg", "ep3.png");
        assertThat(ofSource(skipped, GALLERY)).hasSize(6);
        List<JsonNode> synced = bodies(drain(sqs, SYNCHRONIZED));
        assertThat(synced).hasSize(2).allSatisfy(s -> {
            assertThat(s.path("not_modified").asBoolean()).isTrue();
            assertThat(s.path("downloaded").asLong()).isZero();
            assertThat(s.path("skipped").asLong()).isEqualTo(s.path("source_id").asLong() == FEED ? 5 : 6);
        });
        // the orchestrator finds every image ordered already
        orchestrator.handleRequest(sqsEvent(SqsEventJson.fromReceived(SKIPPED, skippedMessages)), null);
        assertThat(drain(sqs, RESIZE)).isEmpty();
    }

    @Test
    @Order(3)
    void itemRemovedFromTheFeedIsDeletedAndItsThumbnailsGo() {
        drainAll(sqs);
        Document ep2 = file(mongo, FEED, "ep2.jpg");
        List<String> thumbnails = putThumbnails(ep2.getString("sha256"));
        putFeed(false, "Tue, 02 Jan 2024 10:00:00 GMT");
        server.resetHits();

        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(FEED, server.url("/podcast.xml"), "podcasts/"))))).isEmpty();

        List<Message> deletedMessages = drain(sqs, DELETED);
        List<JsonNode> deleted = bodies(deletedMessages);
        assertThat(filenames(deleted)).containsExactly("ep2.jpg");
        assertThat(deleted.get(0).path("event").asText()).isEqualTo("file_deleted");
        assertThat(drain(sqs, DOWNLOADED)).isEmpty();
        assertThat(bodies(drain(sqs, SKIPPED))).hasSize(4);
        assertThat(server.hits("/img/ep1.jpg")).as("files are revalidated with a conditional GET").isEqualTo(1);
        assertThat(server.requests("/img/ep1.jpg").get(0)).containsKey("if-none-match");
        JsonNode synced = bodies(drain(sqs, SYNCHRONIZED)).get(0);
        assertThat(synced.path("deleted").asLong()).isEqualTo(1);
        assertThat(synced.path("skipped").asLong()).isEqualTo(4);
        Document record = file(mongo, FEED, "ep2.jpg");
        assertThat(record.getBoolean("deleted")).isTrue();
        assertThat(record.getBoolean("deleteAnnounced")).isTrue();

        SqsBatchResponse answer = orchestrator.handleRequest(sqsEvent(SqsEventJson.fromReceived(DELETED, deletedMessages)), null);
        assertThat(answer.batchItemFailures()).isEmpty();
        for (String key : thumbnails) {
            assertThat(exists(RESIZED_BUCKET, key)).as(key).isFalse();
        }
        assertThat(exists(CONTENT_BUCKET, "content/podcasts/ep2.jpg")).isFalse();
        Document after = file(mongo, FEED, "ep2.jpg");
        assertThat(after.get("thumbnailsRemovedAt")).isNotNull();
        assertThat(after.get("contentRemovedAt")).isNotNull();
        assertThat(files(mongo, FEED)).as("nothing else was touched").hasSize(5)
                .filteredOn(f -> !f.getBoolean("deleted")).hasSize(4);
    }

    @Test
    @Order(4)
    void imageChangedAtTheSourceIsDownloadedAgainAndOrderedAgain() {
        drainAll(sqs);
        Document before = file(mongo, FEED, "ep1.jpg");
        List<String> oldThumbnails = putThumbnails(before.getString("sha256"));
        server.put("/img/ep1.jpg", TestImages.swatchJpeg(0xAA0000), "image/jpeg");
        putFeed(false, "Wed, 03 Jan 2024 10:00:00 GMT");

        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(FEED, server.url("/podcast.xml"), "podcasts/"))))).isEmpty();

        List<Message> downloadedMessages = drain(sqs, DOWNLOADED);
        List<JsonNode> downloaded = bodies(downloadedMessages);
        assertThat(filenames(downloaded)).containsExactly("ep1.jpg");
        JsonNode event = downloaded.get(0);
        assertThat(event.path("version").asInt()).isEqualTo(2);
        assertThat(event.path("previous_sha256").asText()).isEqualTo(before.getString("sha256"));
        assertThat(event.path("key").asText()).as("same file, same key").isEqualTo("content/podcasts/ep1.jpg");
        assertThat(bodies(drain(sqs, SKIPPED))).hasSize(3);
        assertThat(drain(sqs, DELETED)).isEmpty();

        orchestrator.handleRequest(sqsEvent(SqsEventJson.fromReceived(DOWNLOADED, downloadedMessages)), null);
        List<JsonNode> orders = bodies(drain(sqs, RESIZE));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("sha256").asText()).isEqualTo(event.path("sha256").asText())
                .isNotEqualTo(before.getString("sha256"));
        assertThat(oldThumbnails).allSatisfy(key -> assertThat(exists(RESIZED_BUCKET, key)).as(key).isFalse());
        assertThat(files(mongo, FEED)).hasSize(5);
    }

    @Test
    @Order(5)
    void directImageUrlIsOneFileFetchedOncePerSync() {
        drainAll(sqs);
        long direct = 7003;
        server.redirect("/go/photo", server.url("/img/direct-target.jpg"));
        server.put("/img/direct-target.jpg", TestImages.swatchJpeg(0x00FF80), "image/jpeg");
        putSource(mongo, newSource(direct, server.url("/go/photo"), "direct/"));
        server.resetHits();

        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(direct, server.url("/go/photo"), "direct/"))))).isEmpty();
        List<JsonNode> downloaded = bodies(drain(sqs, DOWNLOADED));
        assertThat(filenames(downloaded)).containsExactly("photo.jpg");
        assertThat(downloaded.get(0).path("remote_id").asText()).isEqualTo("url:" + server.url("/go/photo"));
        assertThat(server.hits("/img/direct-target.jpg")).as("the listing response is the file").isEqualTo(1);

        server.resetHits();
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(direct, server.url("/go/photo"), "direct/"))))).isEmpty();
        assertThat(filenames(bodies(drain(sqs, SKIPPED)))).containsExactly("photo.jpg");
        assertThat(server.hits("/img/direct-target.jpg")).as("answered 304").isEqualTo(1);

        server.put("/img/direct-target.jpg", TestImages.swatchJpeg(0xFF0080), "image/jpeg");
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(direct, server.url("/go/photo"), "direct/"))))).isEmpty();
        List<JsonNode> again = bodies(drain(sqs, DOWNLOADED));
        assertThat(again).hasSize(1);
        assertThat(again.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(again.get(0).path("key").asText()).isEqualTo("content/direct/photo.jpg");
    }

    /** Stands in for the resizer: its content-addressed thumbnails of these bytes. */
    private List<String> putThumbnails(String sha256) {
        List<String> keys = LABELS.stream()
                .map(label -> "images-resized/source-" + FEED + "/" + sha256.substring(0, 32) + "_" + label + ".jpeg").toList();
        keys.forEach(key -> putObject(s3, RESIZED_BUCKET, key, new byte[] {1}, java.util.Map.of()));
        keys.forEach(key -> assertThat(exists(RESIZED_BUCKET, key)).isTrue());
        return keys;
    }

    private boolean exists(String bucket, String key) {
        return exists(s3, bucket, key);
    }
}
