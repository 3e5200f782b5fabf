package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.MockLambda;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start handler's JSON, through the Lambda mock event server: the schedule's input, and the manual
 * {"collection": …}, {"collection": …, "ids": […]}, {"full": true}; bad requests answered with their reason.
 */
@QuarkusTest
class ManualRunsTest extends ResyncTestSupport {

    static final ObjectId OID = new ObjectId("6650b2f1c2a4e93b8f0e4d01");

    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        collection("channels").insertMany(List.of(new Document("_id", OID).append("image_url", images.image("/oid.jpg")),
                new Document("_id", 42L).append("image_url", images.image("/long.jpg"))));
        collection("episodes").insertMany(List.of(new Document("_id", "e1").append("image_url", images.image("/e1.jpg")),
                new Document("_id", "e2").append("image_url", images.image("/e2.jpg"))));
    }

    @Test
    void theScheduleStartsOneRunPerScheduledTimeEvenIfDeliveredTwice() throws Exception {
        String input = "{\"collection\": \"channels\", \"scheduled_time\": \"2026-11-30T04:00:00Z\"}";
        JsonNode first = MockLambda.invoke(input);
        JsonNode again = MockLambda.invoke(input);
        assertThat(first.path("runs").get(0).path("run_id").asText()).isEqualTo("channels@2026-11-30T04:00:00Z");
        assertThat(again.path("runs").get(0).path("run_id").asText()).isEqualTo("channels@2026-11-30T04:00:00Z");
        assertThat(collection("resync_runs").countDocuments(Filters.eq("collection", "channels"))).isOne();
        assertThat(takeOrders()).hasSize(2);
        JsonNode run = first.path("runs").get(0);
        assertThat(run.path("phase").asText()).isEqualTo("applying");
        assertThat(run.path("counts").path("ordered").asInt()).isEqualTo(2);
        assertThat(run.path("continues").asBoolean()).isFalse();
    }

    @Test
    void idsRunLooksAtThoseDocumentsOnlyAndForceResizesUnchangedOnes() throws Exception {
        JsonNode answer = MockLambda.invoke("{\"collection\": \"episodes\", \"ids\": [\"e2\"]}");
        assertThat(answer.path("runs").get(0).path("mode").asText()).isEqualTo("ids");
        List<String> orders = resize();
        assertThat(orders).hasSize(1).allMatch(o -> o.contains("\"e2\""));
        applyResults();
        assertThat(collection("resync_runs").find(Filters.eq("_id", "watermark:episodes")).first())
                .as("a run for a few ids says nothing about the rest: no watermark").isNull();

        MockLambda.invoke("{\"collection\": \"episodes\", \"ids\": [\"e2\"]}");
        assertThat(takeOrders()).as("unchanged").isEmpty();
        MockLambda.invoke("{\"collection\": \"episodes\", \"ids\": [\"e2\"], \"force\": true}");
        assertThat(takeOrders()).as("forced").hasSize(1);

        // ids as Extended JSON, as a 24-hex string and as numbers
        MockLambda.invoke("{\"collection\": \"channels\", \"ids\": [{\"$oid\": \"" + OID.toHexString() + "\"}]}");
        MockLambda.invoke("{\"collection\": \"channels\", \"ids\": [\"" + OID.toHexString() + "\", 42]}");
        List<String> channelOrders = takeOrders();
        assertThat(channelOrders).hasSize(2); // OID once (the second run finds it claimed), 42 once
    }

    @Test
    void fullRunCoversEveryCollectionAndEveryDocument() throws Exception {
        JsonNode answer = MockLambda.invoke("{\"full\": true}");
        List<String> collections = new ArrayList<>();
        answer.path("runs").forEach(r -> collections.add(r.path("collection").asText()));
        assertThat(collections).containsExactly("channels", "episodes");
        settle();
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isEqualTo(2);
        assertThat(collection("episodes").countDocuments(Filters.exists("image_url_info"))).isEqualTo(2);
        Date to = collection("resync_runs").find(Filters.eq("_id", "watermark:channels")).first().getDate("to");
        assertThat(to).isNotNull();
    }

    @Test
    void badRequestsAreAnsweredWithTheirReason() {
        for (String[] bad : new String[][] {{"{}", "name a collection"}, {"{\"collection\": \"podcasts\"}", "unknown collection podcasts"},
                {"{\"ids\": [\"x\"]}", "name a collection"}, {"{\"collection\": \"channels\", \"ids\": []}", "1 to 1000 ids"}}) {
            String answer = io.restassured.RestAssured.given().contentType("application/json").body(bad[0]).when().post()
                    .then().extract().asString();
            assertThat(answer).as(bad[0]).contains(bad[1]);
        }
        assertThat(collection("resync_runs").countDocuments()).isZero();
    }
}
