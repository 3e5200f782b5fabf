package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.catalog.store.SyncRun.Trigger;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.testsupport.MockLambda;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** synlast and its count, syncast through the run queue, runs that would overlap, the schedule's window. */
@QuarkusTest
class RoutesTest extends CatalogTestSupport {

    @Test
    void synlastWithAndWithoutCount() {
        listSources(1);
        for (int i = 0; i < 3; i++) {
            Api.syncall();
        }
        List<String> dates = Api.synlast(null).body().path("data").findValuesAsText("date");

        assertThat(dates).hasSize(3).isSorted();
        JsonNode latestTwo = Api.synlast("2").body().path("data");
        assertThat(latestTwo.findValuesAsText("date")).containsExactlyElementsOf(dates.subList(1, 3));
        assertThat(Api.synlast("1").body().path("data").get(0).path("date").asText()).isEqualTo(dates.get(2));
    }

    @Test
    void aBadCountIsA400WithAJsonError() {
        for (String bad : List.of("0", "-1", "two", "1001", "")) {
            Api.Answer answer = Api.synlast(bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(reason(answer.body())).isEqualTo("bad_count");
            assertThat(answer.body().path("data").path("message").asText()).isEqualTo("count must be a whole number from 1 to 1000");
        }
    }

    @Test
    void syncastAnswersAtOnceAndTheQueuedRunShowsInSynlast() throws Exception {
        listSources(3);

        Api.Answer cast = Api.syncast();

        assertThat(cast.status()).isEqualTo(200);
        assertThat(cast.body().path("response").asText()).isEqualTo("ok");
        String runId = cast.body().path("data").asText().replace(" casted", "");
        assertThat(runId).startsWith("run-");
        assertThat(catalog.requests).as("nothing ran yet").isEmpty();
        List<Message> queued = drain(RUNS);
        assertThat(queued).extracting(Message::body).containsExactly("{\"run_id\":\"" + runId + "\"}");

        // the event source mapping delivers it to the same function (twice: at-least-once)
        String event = SqsEventJson.fromReceived(RUNS, queued);
        assertThat(MockLambda.failedIds(MockLambda.invoke(event))).isEmpty();
        assertThat(MockLambda.failedIds(MockLambda.invoke(event))).isEmpty();

        assertThat(run(runId).getString("trigger")).isEqualTo("syncast");
        assertThat(Api.synlast(null).body().path("data")).hasSize(1);
        assertThat(Api.synlast(null).body().path("data").get(0).path("data").asText()).isEqualTo("3 upserted");
        assertThat(catalog.requests).as("one run for two deliveries").hasSize(2);
    }

    @Test
    void aRunAskedForWhileAnotherRunsAnswersWithTheRunningOnesId() {
        listSources(1);
        assertThat(lease.acquire("run-elsewhere", Trigger.SCHEDULE, Duration.ofMinutes(1))).isEmpty(); // another Lambda instance

        Api.Answer syncall = Api.syncall();
        assertThat(syncall.status()).isEqualTo(409);
        assertThat(syncall.body().path("data").path("id").asText()).isEqualTo("run-elsewhere");
        assertThat(reason(syncall.body())).isEqualTo("already_running");
        assertThat(Api.syncast().body().path("data").asText()).isEqualTo("run-elsewhere running");
        assertThat(drain(RUNS)).isEmpty();
        assertThat(catalog.requests).isEmpty();

        lease.release("run-elsewhere");
        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("1 upserted");
    }

    @Test
    void aQueuedRunThatFindsAnotherRunningIsGivenBackRecordedAndRunsLater() {
        listSources(1);
        String runId = Api.syncast().body().path("data").asText().replace(" casted", "");
        List<Message> queued = drain(RUNS);
        assertThat(lease.acquire("run-elsewhere", Trigger.SCHEDULE, Duration.ofMinutes(1))).isEmpty(); // started in between

        JsonNode first = MockLambda.invoke(SqsEventJson.fromReceived(RUNS, queued));

        assertThat(MockLambda.failedIds(first)).containsExactly(queued.get(0).messageId());
        assertThat(run(runId).getString("status")).isEqualTo("retrying");
        assertThat(error(run(runId))).isEqualTo(RecordedError.of("already_running",
                "run run-elsewhere is running; this run starts when the queue delivers it again"));
        assertThat(catalog.requests).isEmpty();

        lease.release("run-elsewhere");
        assertThat(MockLambda.failedIds(MockLambda.invoke(SqsEventJson.fromReceived(RUNS, queued)))).isEmpty();
        assertThat(run(runId).getString("status")).isEqualTo("ok");
        assertThat(run(runId).get("error")).isNull();
        assertThat(Api.synlast(null).body().path("data").get(0).path("data").asText()).isEqualTo("1 upserted");
    }

    @Test
    void aLeaseLeftByACrashedRunExpires() {
        listSources(1);
        assertThat(lease.acquire("run-crashed", Trigger.SYNCALL, Duration.ofMillis(1))).isEmpty();
        await(() -> lease.holder().isEmpty());

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("1 upserted");
    }

    @Test
    void theScheduleRunsOncePerWindowUnlessForced() {
        listSources(2);

        JsonNode first = MockLambda.invoke("{\"trigger\": \"schedule\"}");
        JsonNode second = MockLambda.invoke("{\"trigger\": \"schedule\"}");
        JsonNode forced = MockLambda.invoke("{\"trigger\": \"schedule\", \"force\": true}");

        assertThat(first.path("data").asText()).isEqualTo("2 upserted");
        assertThat(run(first.path("run_id").asText()).getString("trigger")).isEqualTo("schedule");
        assertThat(second.path("data").asText()).startsWith("skipped: a scheduled run already ran in this");
        assertThat(forced.path("data").asText()).isEqualTo("2 upserted");
        assertThat(Api.synlast(null).body().path("data")).hasSize(2);
    }

    @Test
    void otherRoutesAndMethodsGetJsonErrors() {
        assertThat(Api.call("GET", "/api/syncall", null).status()).isEqualTo(405);
        Api.Answer missing = Api.call("GET", "/api/nothing", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(reason(missing.body())).isEqualTo("not_found");
    }
}
