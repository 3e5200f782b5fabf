package io.mediasync.local.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Channels and episodes in the local stack's MongoDB with their images on loopback, and the means to run the
 * collection re-sync on them (its schedules, or a manual invoke) and wait until every run has completed. Shared by
 * {@code ./mediasync demo resync}, {@code ./mediasync bench resync} and the end-to-end test.
 */
public final class ResyncScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPEN = List.of("providing", "executing", "applying");

    private final HttpFixture web;
    private final MongoDatabase db;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    public ResyncScenario(HttpFixture web, MongoDatabase db, int httpPort) {
        this.web = web;
        this.db = db;
        this.httpPort = httpPort;
    }

    /** Serves the bytes at /resync/{name}. @return the URL */
    public String image(String name, byte[] bytes) {
        web.serve("/resync/" + name, bytes, "image/jpeg");
        return web.url("/resync/" + name);
    }

    /** A URL nothing answers but 404. */
    public String missing(String name) {
        return web.url("/resync/missing/" + name);
    }

    public MongoCollection<Document> channels() {
        return db.getCollection("channels");
    }

    public MongoCollection<Document> episodes() {
        return db.getCollection("episodes");
    }

    public Document doc(MongoCollection<Document> collection, Object id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    /** Fires the template's schedule now (./mediasync trigger). @return the run ids it started */
    public List<String> trigger(String schedule) throws IOException, InterruptedException {
        return runIds(post("/_mediasync/trigger/" + schedule, ""));
    }

    /** Invokes collection-resync with this event (./mediasync invoke). @return the run ids it started */
    public List<String> invoke(String event) throws IOException, InterruptedException {
        return runIds(post("/_mediasync/invoke/collection-resync", event));
    }

    /** Waits until every run has completed (its results applied). @return the run records */
    public List<Document> awaitCompleted(List<String> runIds, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Document> runs = db.getCollection("resync_runs").find(Filters.in("_id", runIds)).into(new ArrayList<>());
            boolean open = runs.size() < runIds.size() || runs.stream().anyMatch(r -> OPEN.contains(r.getString("phase")));
            if (!open) {
                return runs;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("runs not completed within " + timeout + ": " + runs.stream()
                        .map(r -> r.getString("_id") + " " + r.getString("phase") + " " + r.get("counts")).toList());
            }
            Thread.sleep(200);
        }
    }

    private static List<String> runIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("runs").forEach(r -> ids.add(r.path("run_id").asText()));
        return ids;
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofMinutes(15)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
