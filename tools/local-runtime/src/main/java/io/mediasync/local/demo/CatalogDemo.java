package io.mediasync.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.Samples;
import io.mediasync.local.StackFlags;
import io.mediasync.local.scenario.CatalogApi;
import io.mediasync.local.scenario.PodcastFeed;
import io.mediasync.testsupport.HttpFixture;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * {@code ./mediasync demo catalog}: a catalog API on loopback (three podcast sources, two per page, an OAuth 2.0
 * password grant) → catalog-sync through the local HTTP API, as seed 003's curl session → sources in MongoDB → the
 * source-downloader syncs the new ones; then a source leaves the catalog and is disabled, and syncast runs in the
 * background. Each step verified; exit 0 only if all held.
 */
final class CatalogDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "demo-user";
    private static final String PASSWORD = "demo-password";

    private CatalogDemo() {
    }

    static int run(StackFlags flags, PrintStream out) throws Exception {
        try (HttpFixture web = new HttpFixture()) {
            CatalogApi catalog = new CatalogApi(web, USER, PASSWORD, 2);
            List<com.fasterxml.jackson.databind.node.ObjectNode> sources = new ArrayList<>();
            for (int i = 0; i < Samples.NAMES.size(); i++) {
                String image = Samples.NAMES.get(i);
                long id = 7701 + i;
                web.serve("/images/" + image, Samples.bytes(image), Samples.contentType(image));
                web.serve("/feeds/" + id + ".xml", PodcastFeed.xml("Demo podcast", null, List.of(web.url("/images/" + image))).getBytes(), "application/rss+xml");
                sources.add(CatalogApi.source(id, web.url("/feeds/" + id + ".xml"), "podcasts/" + id + "/", "Demo podcast " + id));
            }
            catalog.list(sources);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("API_TOKEN"); // this demo shows the password grant
            environment.putAll(Map.of("CATALOG_API_URL", catalog.baseUrl(), "API_USER", USER, "API_PASSWORD", PASSWORD));
            LocalOptions options = flags.resolve(environment);
            out.println("==> starting the local stack from " + options.template() + " (fresh state in " + options.dataDir() + ")");
            try (LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), out); MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
                cloud.printSummary();
                String database = cloud.database().orElseThrow();
                MongoCollection<Document> stored = mongo.getDatabase(database).getCollection("sources");
                String api = "http://127.0.0.1:" + cloud.httpPort();
                List<String> problems = new ArrayList<>();
                out.println("==> the catalog API: " + catalog.baseUrl() + "/sources (3 sources, 2 per page, Link rel=\"next\"; token from "
                        + catalog.baseUrl() + "/token for " + USER + ")");

                JsonNode first = call(out, "PATCH", api + "/api/syncall");
                expect(problems, first.path("data").asText().equals("3 upserted"), "first syncall: " + first);
                for (Document s : stored.find(Filters.exists("catalogSyncedAt")).into(new ArrayList<>())) {
                    out.println("    source " + s.get("source_id") + "  " + s.getString("url") + "  " + s.getString("content_path")
                            + "  enabled=" + s.get("enabled"));
                }
                expect(problems, stored.countDocuments(Filters.exists("catalogSyncedAt")) == 3, "3 sources in " + database + ".sources");

                out.println("==> the new sources were ordered a sync: waiting for the source-downloader (a JVM cold start)");
                boolean synced = waitFor(() -> stored.countDocuments(Filters.eq("lastSyncStatus", "completed")) == 3, Duration.ofMinutes(3));
                stored.find(Filters.exists("catalogSyncedAt")).forEach(s -> out.println("    source " + s.get("source_id") + ": "
                        + s.getString("lastSyncStatus") + " " + (s.get("lastSyncCounts") instanceof Document c ? c.toJson() : "")));
                expect(problems, synced, "the three sources synced by the source-downloader");

                out.println("==> source 7703 leaves the catalog");
                catalog.list(sources.subList(0, 2));
                JsonNode second = call(out, "PATCH", api + "/api/syncall");
                Document removed = stored.find(Filters.eq("source_id", 7703)).first();
                out.println("    source 7703: enabled=" + removed.get("enabled") + ", removedFromCatalogAt=" + removed.get("removedFromCatalogAt"));
                expect(problems, second.path("data").asText().equals("2 upserted") && Boolean.FALSE.equals(removed.get("enabled")),
                        "source 7703 disabled, not deleted");

                JsonNode cast = call(out, "PATCH", api + "/api/syncast");
                expect(problems, cast.path("data").asText().endsWith(" casted"), "syncast: " + cast);
                boolean ran = waitFor(() -> get(api + "/api/synlast").path("data").size() == 3, Duration.ofMinutes(1));
                JsonNode last = call(out, "GET", api + "/api/synlast");
                expect(problems, ran, "the background run in synlast");
                expect(problems, catalog.tokenRequests() == 1, "one password grant for every run (" + catalog.tokenRequests() + ")");

                out.println();
                out.println("Where to look (kept in " + options.dataDir() + " after the demo):");
                out.println("  records  database " + database + ", collections sources (catalog, catalogSyncedAt, removedFromCatalogAt) and"
                        + " catalog_sync_runs (one per run: the seed's result, counts, timings)");
                out.println("  by hand  CATALOG_API_URL=… API_USER=… API_PASSWORD=… ./mediasync up, then curl -X PATCH http://127.0.0.1:3000/api/syncall");
                out.println("  logs     " + options.dataDir().resolve("logs") + "/mediasync-dev-catalog-sync.log");
                if (!problems.isEmpty()) {
                    problems.forEach(p -> out.println("DEMO FAILED: " + p));
                    return 1;
                }
                out.println("DEMO OK: the catalog's 3 sources stored and synced, one disabled when it left the catalog, "
                        + last.path("data").size() + " runs in synlast, one token for all of them.");
                return 0;
            }
        }
    }

    /** Prints the request as curl would be run and the JSON answer; shared with the whole-system demo. */
    static JsonNode call(PrintStream out, String method, String url) throws Exception {
        out.println("==> curl -X " + method + " " + url);
        JsonNode answer = send(method, url);
        out.println("    " + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer).replace("\n", "\n    "));
        return answer;
    }

    private static JsonNode get(String url) {
        try {
            return send("GET", url);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static JsonNode send(String method, String url) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void expect(List<String> problems, boolean held, String what) {
        if (!held) {
            problems.add(what);
        }
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(300);
        }
        return true;
    }
}
