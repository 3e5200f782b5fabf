package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.local.scenario.CatalogApi;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.emf.EmfLines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 through the local runtime, as a user would with curl: the real catalog-sync package behind the local
 * HTTP API on 127.0.0.1, a catalog API with a password grant on loopback (its URL and credentials handed over from
 * the runtime's own environment), MongoDB and the run queue of the devstack.
 */
class CatalogSyncEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_OK = "\\{\"data\":\"%d upserted\",\"date\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\",\"response\":\"ok\"}";

    static final String F = "mediasync-dev-catalog-sync"; // the Function dimension, and its log's name
    static LocalCloud cloud;
    static Path data;
    static HttpFixture web;
    static CatalogApi catalog;
    static MongoClient mongo;
    static MongoDatabase db;

    @BeforeAll
    static void start() throws Exception {
        web = new HttpFixture();
        catalog = new CatalogApi(web, "catalog-user", "pa ss&word", 2);
        catalog.list(List.of(
                CatalogApi.source(1, web.url("/feeds/1.xml"), "podcasts/1/", "One"),
                CatalogApi.source(2, web.url("/feeds/2.xml"), "podcasts/2/", "Two"),
                CatalogApi.source(3, web.url("/feeds/3.xml"), "podcasts/3/", "Three")));
        Map<String, String> environment = Map.of("CATALOG_API_URL", catalog.baseUrl(), "API_USER", "catalog-user",
                "API_PASSWORD", "pa ss&word", "FETCH_ALLOW_ORIGINS", "127.0.0.1:" + web.port());
        data = Files.createTempDirectory("mediasync-catalog");
        cloud = TestStacks.start(data, environment);
        mongo = MongoClients.create(cloud.endpoints().mongo());
        db = mongo.getDatabase("mediasync_dev");
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void theSeedsCurlSessionWorksOnTheLocalHttpApi() throws Exception {
        // curl -X PATCH http://127.0.0.1:3000/api/syncall
        HttpResponse<String> syncall = call("PATCH", "/api/syncall");
        assertThat(syncall.statusCode()).isEqualTo(200);
        assertThat(syncall.headers().firstValue("content-type")).contains("application/json");
        assertThat(syncall.body()).matches(String.format(SEED_OK, 3));
        assertThat(db.getCollection("sources").countDocuments(Filters.exists("catalogSyncedAt"))).isEqualTo(3);
        assertThat(db.getCollection("sources").find(Filters.eq("source_id", 2)).first().get("catalog", Document.class))
                .isEqualTo(new Document("title", "Two"));

        // curl -X PATCH http://127.0.0.1:3000/api/syncast, then the run happens through the run queue
        int before = synlast("").path("data").size();
        JsonNode cast = JSON.readTree(call("PATCH", "/api/syncast").body());
        assertThat(cast.path("response").asText()).isEqualTo("ok");
        assertThat(cast.path("data").asText()).endsWith(" casted");
        Await.until(() -> synlast("").path("data").size() == before + 1, Duration.ofSeconds(60));

        // curl http://127.0.0.1:3000/api/synlast?count=1
        JsonNode latest = synlast("?count=1").path("data");
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).toString()).matches(String.format(SEED_OK, 3));
        assertThat(call("GET", "/api/synlast?count=zero").statusCode()).isEqualTo(400);

        // one password grant for every run: the function keeps its token
        assertThat(catalog.tokenRequests()).isEqualTo(1);

        // the function's EMF lines (its log): every run's pages and upserts as catalog_sync_runs counts them, the token
        Await.until(() -> metric("CatalogPages") == runTotal("pages") && metric("SourcesUpserted") == runTotal("upserted"),
                Duration.ofSeconds(10));
        assertThat(runTotal("pages")).isPositive();
        assertThat(metric("SourcesUpserted")).isEqualTo(runTotal("upserted")).isGreaterThanOrEqualTo(6); // two runs of 3
        assertThat(metric("TokenRenewals")).isEqualTo(catalog.tokenRequests());
    }

    private static double metric(String name) {
        return EmfLines.ofFile(data.resolve("logs").resolve(F + ".log"), 0).sum(name, F);
    }

    private static double runTotal(String count) {
        double total = 0;
        for (Document run : db.getCollection("catalog_sync_runs").find(Filters.exists("counts"))) {
            Number n = run.get("counts", Document.class).get(count, Number.class);
            total += n == null ? 0 : n.doubleValue();
        }
        return total;
    }

    @Test
    void theTemplatesScheduleRunsTheSameSync() throws Exception {
        JsonNode fired = JSON.readTree(post("/_mediasync/trigger/CatalogSchedule").body());
        assertThat(fired.toString()).contains("upserted").doesNotContain("\"error\"");
    }

    private static JsonNode synlast(String query) {
        try {
            return JSON.readTree(call("GET", "/api/synlast" + query).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cloud.httpPort() + path))
                .timeout(Duration.ofMinutes(2)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cloud.httpPort() + path))
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
