package io.mediasync.local.scenario;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;

/**
 * A podcast served on loopback (feed with ETag, one image per episode) registered as a source of
 * the local stack, and the means to sync it and wait for the result. Shared by the sync demo and
 * the sync benchmark.
 */
public final class PodcastSource {

    private final HttpFixture web;
    private final MongoDatabase db;
    private final long sourceId;
    private final int httpPort;
    private final AtomicReference<String> feed = new AtomicReference<>();

    /** @param images the episodes' images, in order; the first is also the channel's image */
    public PodcastSource(HttpFixture web, MongoDatabase db, int httpPort, long sourceId, List<byte[]> images) {
        this.web = web;
        this.db = db;
        this.sourceId = sourceId;
        this.httpPort = httpPort;
        for (int i = 0; i < images.size(); i++) {
            web.serve("/podcast/" + sourceId + "/ep" + i + ".jpg", images.get(i), "image/jpeg");
        }
        feed.set(feed(images.size()));
        web.handle("/podcast/" + sourceId + "/feed.xml", exchange -> {
            String etag = "\"" + Integer.toHexString(feed.get().hashCode()) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                HttpFixture.respond(exchange, 200, feed.get().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            }
        });
        db.getCollection("sources").insertOne(new Document("source_id", sourceId).append("url", feedUrl())
                .append("content_path", "podcasts/" + sourceId + "/").append("enabled", true)
                .append("redirect_queue", "GL_THUMBNAILS_READY"));
    }

    public String feedUrl() {
        return web.url("/podcast/" + sourceId + "/feed.xml");
    }

    /** Orders a sync of this source now (the scheduler, on demand) and waits until the run has ended. */
    public Document sync(Duration timeout) throws IOException, InterruptedException {
        Date before = source().getDate("lastSyncEndedAt");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/_mediasync/invoke/source-scheduler"))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"source_id\": " + sourceId + ", \"force\": true}")).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("source-scheduler failed: " + answer.body());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Document source = source();
            Date ended = source.getDate("lastSyncEndedAt");
            if (ended != null && (before == null || ended.after(before)) && !"running".equals(source.getString("lastSyncStatus"))) {
                return source;
            }
            Thread.sleep(200);
        }
        throw new IOException("source " + sourceId + " did not finish syncing within " + timeout);
    }

    public Document source() {
        return db.getCollection("sources").find(Filters.eq("source_id", sourceId)).first();
    }

    /** The sha256 of every live file of the source. */
    public List<String> liveShas() {
        return db.getCollection("files").find(Filters.and(Filters.eq("source_id", sourceId), Filters.ne("deleted", true)))
                .map(f -> f.getString("sha256")).into(new java.util.ArrayList<>());
    }

    public static int count(Document source, String name) {
        Document counts = source.get("lastSyncCounts", Document.class);
        return counts == null ? 0 : counts.get(name, Number.class).intValue();
    }

    private String feed(int episodes) {
        List<String> episodeImages = new java.util.ArrayList<>();
        for (int i = 1; i < episodes; i++) {
            episodeImages.add(web.url("/podcast/" + sourceId + "/ep" + i + ".jpg"));
        }
        return PodcastFeed.xml("mediasync demo podcast", web.url("/podcast/" + sourceId + "/ep0.jpg"), episodeImages);
    }
}
