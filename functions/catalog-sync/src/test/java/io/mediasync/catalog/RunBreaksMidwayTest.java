package io.mediasync.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.DevStack;
import io.mediasync.testsupport.MockLambda;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** MongoDB connections dropped in the middle of a scheduled run: the run ends recorded, its lease and window free. */
@QuarkusTest
@TestProfile(RunBreaksMidwayTest.ThroughGate.class)
class RunBreaksMidwayTest extends CatalogTestSupport {

    static MongoGate gate;

    public static class ThroughGate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                gate = new MongoGate(DevStack.shared().endpoints().mongo());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("mediasync.mongo.connection-string", gate.connectionString());
        }
    }

    @Test
    void aScheduledRunThatLosesMongoDbMidwayIsRecordedFailedAndFreesItsLeaseAndWindow() {
        listSources(4); // two pages
        catalog.stallPage = 2;
        CompletableFuture<Response> fired = CompletableFuture.supplyAsync(() ->
                given().contentType("application/json").body("{\"trigger\": \"schedule\"}").when().post().andReturn());
        await(() -> catalog.requests.contains("/api/sources?page=2"));
        assertThat(source(102)).as("page 1 is applied").isNotNull();

        gate.dropConnections();
        catalog.stallRelease.countDown();

        Response answer = fired.join();
        assertThat(answer.statusCode()).as("the invocation fails, so the schedule retries it").isEqualTo(500);
        Document run = onlyRun();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("response")).isEqualTo("error");
        assertThat(run.get("data", Document.class).getString("reason")).isEqualTo("mongo_unavailable");
        assertThat(run.get("counts", Document.class)).containsEntry("pages", 2).containsEntry("inserted", 2);
        assertThat(run.getDate("endedAt")).isNotNull();
        assertThat(lease.holder()).as("the lease is free").isEmpty();

        // the schedule's retry in the same window runs (the window was given back) and completes the listing
        assertThat(MockLambda.invoke("{\"trigger\": \"schedule\"}").path("data").asText()).isEqualTo("4 upserted");
        assertThat(sources()).isEqualTo(4);
    }
}
