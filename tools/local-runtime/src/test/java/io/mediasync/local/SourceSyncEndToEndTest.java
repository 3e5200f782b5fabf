package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.local.scenario.Thumbnails;
import io.mediasync.local.bench.Images;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.emf.EmfLines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Seeds 000 and 001 through the local runtime: the template's schedule fires the source-scheduler,
 * whose order reaches the source-downloader, whose events reach the sync-orchestrator, whose resize
 * orders reach the image-resizer — four real function processes from two packages. A second sync
 * skips everything; an item removed from the feed takes its thumbnails with it; a two-page HTML
 * gallery is followed to its second page. The downloader's EMF lines (its log) count the files as the runs did.
 */
class SourceSyncEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SOURCE = 725;

    static LocalCloud cloud;
    static Path data;
    static final List<Double> IMAGE_SIZES = new ArrayList<>(); // cover, ep1 and ep2 as served
    static final String DOWNLOADER = "mediasync-dev-source-downloader"; // the Function dimension
    static HttpFixture web;
    static MongoClient mongo;
    static MongoDatabase db;
    static final AtomicReference<String> feed = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        web = new HttpFixture();
        data = Files.createTempDirectory("mediasync-sync");
        cloud = TestStacks.start(data, TestStacks.downloadsFrom(web), "--retry-delay", "PT1S");
        List<String> names = List.of("cover", "ep1", "ep2");
        for (int i = 0; i < names.size(); i++) {
            byte[] jpeg = Images.jpeg(640, 480, i);
            IMAGE_SIZES.add((double) jpeg.length);
            web.serve("/img/" + names.get(i) + ".jpg", jpeg, "image/jpeg"); // different bytes each
        }
        web.handle("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(feed.get().hashCode()) + "\"");
            boolean same = ("\"" + Integer.toHexString(feed.get().hashCode()) + "\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            if (same) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpFixture.respond(exchange, 200, feed.get().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            }
        });
        feed.set(podcast(List.of("ep1", "ep2")));
        mongo = MongoClients.create(cloud.endpoints().mongo());
        db = mongo.getDatabase("mediasync_dev");
        db.getCollection("sources").insertOne(new Document("source_id", SOURCE).append("url", web.url("/feed.xml"))
                .append("content_path", "podcasts/test/").append("enabled", true).append("redirect_queue", "ChannelImages"));
    }

    @AfterAll
    static void stop() {
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
    void scheduledSyncDownloadsResizesSkipsAndForgetsRemovedItems() throws Exception {
        // the template's schedule fires the scheduler, which orders the one enabled source
        long firstOffset = logSize();
        JsonNode ordered = post("/_mediasync/trigger/SyncAllSources", "");
        assertThat(ordered.path("ordered").asInt()).isEqualTo(1);
        Document first = awaitSync(null);
        assertThat(first.getString("lastSyncStatus")).isEqualTo("completed");
        assertThat(count(first, "downloaded")).isEqualTo(3);
        List<String> shas = liveShas();
        assertThat(shas).hasSize(3);
        Await.until(() -> shas.stream().allMatch(this::thumbnailsExist), Duration.ofSeconds(120));
        EmfLines firstRun = metrics(firstOffset, "FilesNew", 3);
        assertThat(firstRun.values("BytesDownloaded", Map.of("Function", DOWNLOADER))).containsExactlyInAnyOrderElementsOf(IMAGE_SIZES);
        assertThat(firstRun.sum("Rejected", DOWNLOADER) + firstRun.sum("DeadLettered", DOWNLOADER)).isZero();

        // again, on demand: nothing changed at the source, nothing is downloaded
        long secondOffset = logSize();
        post("/_mediasync/invoke/source-scheduler", "{\"source_id\": " + SOURCE + ", \"force\": true}");
        Document second = awaitSync(first.getDate("lastSyncEndedAt"));
        assertThat(count(second, "downloaded")).isZero();
        assertThat(count(second, "skipped")).isEqualTo(3);
        EmfLines secondRun = metrics(secondOffset, "FilesUnchanged", 3);
        assertThat(secondRun.sum("FilesNew", DOWNLOADER)).isZero();
        assertThat(secondRun.values("BytesDownloaded", Map.of("Function", DOWNLOADER))).as("the feed answered 304").isEmpty();

        // an episode leaves the feed: its file is marked deleted and its thumbnails disappear
        String removed = fileSha("ep2");
        feed.set(podcast(List.of("ep1")));
        long thirdOffset = logSize();
        post("/_mediasync/invoke/source-scheduler", "{\"source_id\": " + SOURCE + ", \"force\": true}");
        Document third = awaitSync(second.getDate("lastSyncEndedAt"));
        assertThat(count(third, "deleted")).isEqualTo(1);
        EmfLines thirdRun = metrics(thirdOffset, "FilesDeleted", 1);
        assertThat(thirdRun.sum("FilesUnchanged", DOWNLOADER)).isEqualTo(count(third, "skipped"));
        Await.until(() -> !thumbnailsExist(removed) && thumbnailsExist(fileSha("ep1")), Duration.ofSeconds(60));
    }

    private static long logSize() throws java.io.IOException {
        Path log = data.resolve("logs").resolve(DOWNLOADER + ".log");
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** The downloader's EMF lines since {@code offset}, once {@code metric} has reached {@code n} (written as a run ends). */
    private static EmfLines metrics(long offset, String metric, int n) throws InterruptedException {
        Path log = data.resolve("logs").resolve(DOWNLOADER + ".log");
        Await.until(() -> EmfLines.ofFile(log, offset).sum(metric, DOWNLOADER) >= n, Duration.ofSeconds(10));
        EmfLines lines = EmfLines.ofFile(log, offset);
        assertThat(lines.sum(metric, DOWNLOADER)).as(metric).isEqualTo(n);
        return lines;
    }

    private static int count(Document source, String name) {
        return source.get("lastSyncCounts", Document.class).get(name, Number.class).intValue();
    }

    @Test
    void twoPageGalleryIsFollowedAndEveryImageResized() throws Exception {
        long gallery = 726;
        for (int i = 0; i < 4; i++) {
            web.serve("/gallery/photo" + i + ".jpg", Images.jpeg(640, 480, 10 + i), "image/jpeg");
        }
        web.serve("/gallery/page1.html", ("<html><head><link rel=\"next\" href=\"/gallery/page2.html\"></head><body>"
                + "<img src=\"/gallery/photo0.jpg\"><a href=\"/gallery/photo1.jpg\">full size</a></body></html>").getBytes(), "text/html");
        web.serve("/gallery/small3.jpg", Images.jpeg(640, 480, 20), "image/jpeg");
        // page 2: a plain img, and one whose srcset offers a larger version of the same picture (one file)
        web.serve("/gallery/page2.html", ("<html><body><img src=\"photo2.jpg\">"
                + "<img src=\"small3.jpg\" srcset=\"small3.jpg 1x, photo3.jpg 2x\"></body></html>").getBytes(), "text/html");
        db.getCollection("sources").insertOne(new Document("source_id", gallery).append("url", web.url("/gallery/page1.html"))
                .append("content_path", "galleries/portraits/").append("enabled", true));

        post("/_mediasync/invoke/source-scheduler", "{\"source_id\": " + gallery + "}");
        Document synced = awaitSync(gallery, null);
        assertThat(synced.getString("lastSyncStatus")).isEqualTo("completed");
        assertThat(count(synced, "downloaded")).isEqualTo(4);
        List<String> shas = new ArrayList<>();
        db.getCollection("files").find(Filters.eq("source_id", gallery)).forEach(f -> shas.add(f.getString("sha256")));
        assertThat(shas).hasSize(4);
        Await.until(() -> shas.stream().allMatch(sha -> thumbnailsExist(gallery, sha)), Duration.ofSeconds(120));
    }

    private Document awaitSync(Date after) throws InterruptedException {
        return awaitSync(SOURCE, after);
    }

    private Document awaitSync(long sourceId, Date after) throws InterruptedException {
        MongoCollection<Document> sources = db.getCollection("sources");
        Document[] found = new Document[1];
        Await.until(() -> {
            found[0] = sources.find(Filters.eq("source_id", sourceId)).first();
            Date ended = found[0] == null ? null : found[0].getDate("lastSyncEndedAt");
            return ended != null && (after == null || ended.after(after)) && !"running".equals(found[0].getString("lastSyncStatus"));
        }, Duration.ofSeconds(120));
        return found[0];
    }

    private List<String> liveShas() {
        List<String> shas = new ArrayList<>();
        db.getCollection("files").find(Filters.and(Filters.eq("source_id", SOURCE), Filters.ne("deleted", true)))
                .forEach(f -> shas.add(f.getString("sha256")));
        return shas;
    }

    private String fileSha(String name) {
        Document file = db.getCollection("files").find(Filters.and(Filters.eq("source_id", SOURCE),
                Filters.regex("remote_id", name))).first();
        assertThat(file).as("registry row for " + name).isNotNull();
        return file.getString("sha256");
    }

    private boolean thumbnailsExist(String sha256) {
        return thumbnailsExist(SOURCE, sha256);
    }

    private boolean thumbnailsExist(long sourceId, String sha256) {
        try (S3Client s3 = AwsClients.s3(cloud.endpoints())) {
            return Thumbnails.exist(s3, "images-ch", sourceId, sha256);
        }
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + cloud.httpPort() + path)).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String podcast(List<String> episodes) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <title>Local runtime podcast</title><itunes:image href="%s"/>
                """.formatted(web.url("/img/cover.jpg")));
        for (String e : episodes) {
            xml.append("<item><title>").append(e).append("</title><guid isPermaLink=\"false\">").append(e)
                    .append("</guid><itunes:image href=\"").append(web.url("/img/" + e + ".jpg")).append("\"/></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }


}
