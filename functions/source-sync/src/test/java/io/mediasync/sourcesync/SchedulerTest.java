package io.mediasync.sourcesync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.sourcesync.messages.ScheduleRequest;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.mediasync.sourcesync.scheduler.ScheduleWindow;
import io.mediasync.testsupport.time.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * source-scheduler (seed 000's cmd_sync_sources): one FIFO order per enabled source, at most once per window. The
 * function's clock is a test clock ({@link TestTime}): a window ends when a test moves the clock past it.
 */
@QuarkusTest
@TestProfile(SchedulerTest.Scheduler.class)
class SchedulerTest extends SyncTestSupport {

    static final long WINDOW = 3_600;

    public static class Scheduler implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "source-scheduler",
                    "mediasync.scheduler.window-seconds", Long.toString(WINDOW),
                    "mediasync.mongo.database", "mediasync_sourcesync_scheduler");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestTime.class);
        }
    }

    @Inject
    ObjectMapper lambdaJson;
    @Inject
    @Named("source-scheduler")
    RequestHandler<ScheduleRequest, ScheduleResult> scheduler;

    @BeforeEach
    void clean() {
        drain(sqs, ORDERS);
        collection(mongo, "sources").deleteMany(new Document());
        collection(mongo, "source_scheduler_state").deleteMany(new Document());
    }

    @Test
    void aRunStartsAfterWhereTheLastOneStoppedAndWrapsAround() {
        for (long id = 8101; id <= 8106; id++) {
            putSource(mongo, newSource(id, "https://example.com/" + id + ".xml", id + "/"));
        }
        collection(mongo, "source_scheduler_state").insertOne(new Document("_id", "all-sources").append("resumeAfter", 8103L)
                .append("stopped", "deadline"));

        JsonNode result = lambdaJson.valueToTree(scheduler.handleRequest(new ScheduleRequest(null, null), null));

        assertThat(result.path("source_ids").toString()).isEqualTo("[8104,8105,8106,8101,8102,8103]");
        assertThat(result.has("resume_after")).isFalse();
        assertThat(collection(mongo, "source_scheduler_state").find().first()).containsEntry("stopped", "completed")
                .containsEntry("ordered", 6).doesNotContainKey("resumeAfter");
        assertThat(drain(sqs, ORDERS)).hasSize(6);
    }

    @Test
    void scheduledRunOrdersEveryEnabledSourceOncePerWindow() throws Exception {
        putSource(mongo, newSource(8001, "https://example.com/a.xml", "a/"));
        putSource(mongo, new Document("source_id", 8002).append("url", "https://example.com/b/").append("content_path", "b/"));
        putSource(mongo, newSource(8003, "https://example.com/c.xml", "c/").append("enabled", false));
        putSource(mongo, new Document("source_id", 8004).append("enabled", true));

        JsonNode answer = postToMockEventServer("{}");
        assertThat(answer.path("ordered").asInt()).isEqualTo(2);
        assertThat(answer.path("source_ids").toString()).isEqualTo("[8001,8002]");
        assertThat(answer.path("not_ordered").path("8004").asText()).isEqualTo("no url or content_path");
        assertThat(source(mongo, 8004).get("lastError", Document.class).getString("code")).isEqualTo("invalid_source");

        List<Message> orders = drain(sqs, ORDERS);
        assertThat(orders).hasSize(2);
        long window = window();
        for (Message m : orders) {
            JsonNode body = JSON.readTree(m.body());
            long id = body.path("source_id").asLong();
            assertThat(List.of(body.fieldNames().next(), body.size())).containsExactly("source_id", 3);
            assertThat(m.attributesAsStrings()).containsEntry("MessageGroupId", Long.toString(id))
                    .containsEntry("MessageDeduplicationId", ScheduleWindow.dedupId(id, body.path("url").asText(), window));
        }
        assertThat(bodies(orders)).contains(JSON.readTree(
                "{\"source_id\": 8001, \"url\": \"https://example.com/a.xml\", \"content_path\": \"a/\"}"));

        // the same window again: nothing is ordered twice
        JsonNode again = postToMockEventServer("{}");
        assertThat(again.path("ordered").asInt()).isZero();
        assertThat(again.path("source_ids").size()).isZero();
        assertThat(drain(sqs, ORDERS)).isEmpty();
    }

    @Test
    void onDemandOrdersOneSourceAndForceOrdersItAgain() {
        putSource(mongo, newSource(8005, "https://example.com/e.xml", "e/"));
        putSource(mongo, newSource(8006, "https://example.com/f.xml", "f/"));
        putSource(mongo, newSource(8007, "https://example.com/g.xml", "g/").append("enabled", false));

        ScheduleResult one = scheduler.handleRequest(new ScheduleRequest(8005L, null), null);
        assertThat(one.sourceIds()).containsExactly(8005L);
        assertThat(bodies(drain(sqs, ORDERS))).extracting(b -> b.path("source_id").asLong()).containsExactly(8005L);

        ScheduleResult again = scheduler.handleRequest(new ScheduleRequest(8005L, null), null);
        assertThat(again.ordered()).isZero();
        assertThat(again.notOrdered()).containsEntry("8005", "already ordered in this window");

        ScheduleResult forced = scheduler.handleRequest(new ScheduleRequest(8005L, true), null);
        assertThat(forced.sourceIds()).containsExactly(8005L);
        assertThat(drain(sqs, ORDERS)).hasSize(1);

        assertThat(scheduler.handleRequest(new ScheduleRequest(999_999L, null), null).notOrdered())
                .containsEntry("999999", "unknown source");
        assertThat(scheduler.handleRequest(new ScheduleRequest(8007L, true), null).notOrdered()).containsEntry("8007", "disabled");
        assertThat(drain(sqs, ORDERS)).isEmpty();
    }

    @Test
    void eventBridgeSchedulePayloadMeansEverySource() throws Exception {
        putSource(mongo, newSource(8008, "https://example.com/h.xml", "h/"));
        String scheduled = """
                {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
                 "source": "aws.events", "account": "123456789012", "time": "2015-10-08T16:53:06Z", "region": "us-east-1",
                 "resources": ["arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule"], "detail": {}}""";
        ScheduleResult result = scheduler.handleRequest(lambdaJson.readValue(scheduled, ScheduleRequest.class), null);
        assertThat(result.sourceIds()).containsExactly(8008L);
        assertThat(drain(sqs, ORDERS)).hasSize(1);
    }

    @Test
    void theNextWindowOrdersTheSourceAgainUnderANewDeduplicationId() {
        putSource(mongo, newSource(8009, "https://example.com/i.xml", "i/"));
        long first = window();
        assertThat(scheduler.handleRequest(new ScheduleRequest(null, null), null).sourceIds()).containsExactly(8009L);
        List<Message> firstOrders = drain(sqs, ORDERS);
        Date firstAt = Date.from(TestTime.CLOCK.instant());
        assertThat(source(mongo, 8009).getDate("lastOrderedAt")).as("stamped by the function's clock").isEqualTo(firstAt);

        long secondsLeft = WINDOW - Math.floorMod(TestTime.CLOCK.instant().getEpochSecond(), WINDOW);
        TestTime.CLOCK.advance(Duration.ofSeconds(secondsLeft - 1)); // the window's last second
        assertThat(scheduler.handleRequest(new ScheduleRequest(null, null), null).ordered()).isZero();
        assertThat(scheduler.handleRequest(new ScheduleRequest(8009L, null), null).notOrdered())
                .containsEntry("8009", "already ordered in this window");
        assertThat(drain(sqs, ORDERS)).isEmpty();

        TestTime.CLOCK.advance(Duration.ofSeconds(1)); // the next window's first
        assertThat(window()).isEqualTo(first + 1);
        assertThat(scheduler.handleRequest(new ScheduleRequest(null, null), null).sourceIds()).containsExactly(8009L);
        List<Message> secondOrders = drain(sqs, ORDERS);

        assertThat(List.of(firstOrders, secondOrders)).extracting(m -> m.get(0).attributesAsStrings().get("MessageDeduplicationId"))
                .containsExactly(ScheduleWindow.dedupId(8009, "https://example.com/i.xml", first),
                        ScheduleWindow.dedupId(8009, "https://example.com/i.xml", first + 1));
        assertThat(collection(mongo, "source_scheduler_state").find().first()).containsEntry("window", first + 1);
        assertThat(source(mongo, 8009).getDate("lastOrderedAt")).as("the next window's first second")
                .isEqualTo(Date.from(firstAt.toInstant().plusSeconds(secondsLeft)));
    }

    /** The window the function's clock is in. */
    private static long window() {
        return Math.floorDiv(TestTime.CLOCK.instant().getEpochSecond(), WINDOW);
    }

    private static JsonNode postToMockEventServer(String payload) throws Exception {
        String answer = given().contentType("application/json").accept("application/json").body(payload)
                .when().post().then().statusCode(200).extract().asString();
        return JSON.readTree(answer);
    }
}
