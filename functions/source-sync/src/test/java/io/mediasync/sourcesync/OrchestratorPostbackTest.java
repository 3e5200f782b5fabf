package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import io.mediasync.common.postback.ReceiverSecrets;
import io.mediasync.common.postback.PostbackKind;
import io.mediasync.common.postback.WebhookVerificationException;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Synchronized events: the run's record (never the event) updates the source and is posted back, signed, once per run. */
@QuarkusTest
@TestProfile(OrchestratorFixture.Orchestrator.class)
class OrchestratorPostbackTest extends OrchestratorFixture {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static HttpFixture http;

    @BeforeAll
    static void receivers() {
        http = new HttpFixture();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A run as the downloader leaves it in sync_runs when it completes. */
    private void completedRun(long sourceId, String runId, long downloaded, long skipped, long deleted) {
        collection(mongo, "sync_runs").insertOne(new Document("_id", runId).append("source_id", sourceId)
                .append("status", "completed").append("counts", new Document("downloaded", downloaded).append("skipped", skipped)
                        .append("deleted", deleted).append("failed", 0L)).append("endedAt", new Date()));
        collection(mongo, "sources").updateOne(Filters.eq("source_id", sourceId), new Document("$set", new Document("lastRunId", runId)));
    }

    @Test
    void synchronizedRunUpdatesTheSourceAndPostsBackSignedOncePerRun() throws Exception {
        PostbackReceiver receiver = http.receiver("/sync-done");
        putSource(mongo, newSource(8105, "https://example.com/feed", "p/").append("sync_postback_url", http.url("/sync-done")));
        completedRun(8105, "run-abc", 3, 2, 1);
        // the event's own counts are not believed: the run's record says what happened
        String event = "{\"source_id\": 8105, \"event\": \"source_synchronized\", \"run_id\": \"run-abc\", \"status\": \"completed\","
                + " \"downloaded\": 999, \"skipped\": 2, \"deleted\": 1, \"failed\": 0}";

        assertThat(deliver(SYNCHRONIZED, event)).isEmpty();
        List<PostbackReceiver.Received> posts = receiver.await(1, Duration.ofSeconds(5));
        assertThat(posts).hasSize(1);
        // signed as a system event: it verifies with that secret, and never as an order result (which anyone who
        // can send an order gets mediasync to sign)
        URI receiverUrl = URI.create(http.url("/sync-done"));
        new WebhookVerifier(new ReceiverSecrets(SECRET).secretsFor(receiverUrl, PostbackKind.SYSTEM_EVENT))
                .verify(posts.get(0).headers(), posts.get(0).body());
        assertThatThrownBy(() -> new WebhookVerifier(new ReceiverSecrets(SECRET).secretsFor(receiverUrl, PostbackKind.ORDER_RESULT))
                .verify(posts.get(0).headers(), posts.get(0).body())).isInstanceOf(WebhookVerificationException.class);
        assertThat(posts.get(0).headers()).containsEntry("webhook-id", "sync-run-abc");
        assertThat(JSON.readTree(posts.get(0).body())).isEqualTo(JSON.readTree("{\"source_id\": 8105, \"event\": \"source_synchronized\","
                + " \"run_id\": \"run-abc\", \"status\": \"completed\", \"downloaded\": 3, \"skipped\": 2, \"deleted\": 1, \"failed\": 0}"));
        Document source = source(mongo, 8105);
        Document info = source.get("lastSynchronized", Document.class);
        assertThat(info.getString("runId")).isEqualTo("run-abc");
        assertThat(info.get("downloaded", Number.class).longValue()).isEqualTo(3);
        assertThat(source.get("lastSyncPostback", Document.class).getString("status")).isEqualTo("delivered");

        // once per run: the second delivery finds it delivered (the invocation is over, a post would be here)
        assertThat(deliver(SYNCHRONIZED, event)).isEmpty();
        assertThat(receiver.received()).as("once per run").hasSize(1);

        // the seed's bare event names the source's last completed run: already posted back
        assertThat(deliver(SYNCHRONIZED, "{\"source_id\": 8105}")).isEmpty();
        assertThat(receiver.received()).hasSize(1);
        completedRun(8105, "run-def", 0, 6, 0);
        assertThat(deliver(SYNCHRONIZED, "{\"source_id\": 8105}")).isEmpty();
        assertThat(receiver.await(2, Duration.ofSeconds(5))).hasSize(2);
    }

    @Test
    void aSynchronizedEventForARunTheRegistryDoesNotShowCompletedIsRejected() {
        PostbackReceiver receiver = http.receiver("/sync-forged");
        putSource(mongo, newSource(8108, "https://example.com/feed", "p/").append("sync_postback_url", http.url("/sync-forged")));
        putSource(mongo, newSource(8109, "https://example.com/feed", "p/"));
        completedRun(8109, "run-of-8109", 1, 0, 0);
        collection(mongo, "sync_runs").insertOne(new Document("_id", "run-still-running").append("source_id", 8108L)
                .append("status", "running"));
        for (String forged : List.of("{\"source_id\": 8108, \"run_id\": \"run-never\"}",
                "{\"source_id\": 8108, \"run_id\": \"run-of-8109\"}", "{\"source_id\": 8108, \"run_id\": \"run-still-running\"}",
                "{\"source_id\": 8108}")) {
            String messageId = newId();
            assertThat(failedIds(invoke(SqsEventJson.event(SqsEventJson.record(SYNCHRONIZED, messageId, forged, 1, null)))))
                    .as(forged).isEmpty();
            Document record = collection(mongo, "sync_events").find(Filters.eq("_id", messageId)).first();
            assertThat(record.get("error", Document.class).getString("code")).as(forged).isEqualTo("unknown_run");
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(source(mongo, 8108).get("lastSynchronized")).isNull();
    }

    @Test
    void failingSyncPostbackIsRetriedBySqs() {
        PostbackReceiver receiver = http.receiver("/sync-flaky", 500, 200);
        putSource(mongo, newSource(8106, "https://example.com/feed", "p/").append("sync_postback_url", http.url("/sync-flaky")));
        completedRun(8106, "run-flaky", 1, 0, 0);
        String messageId = newId();
        String body = "{\"source_id\": 8106, \"run_id\": \"run-flaky\"}";
        List<String> failed = failedIds(invoke(SqsEventJson.event(SqsEventJson.record(SYNCHRONIZED, messageId, body, 1, null))));
        assertThat(failed).containsExactly(messageId);
        assertThat(source(mongo, 8106).get("lastSyncPostback", Document.class).getString("status")).isEqualTo("failed");
        Document retrying = collection(mongo, "sync_events").find(Filters.eq("_id", messageId)).first();
        assertThat(retrying.getString("status")).isEqualTo("retrying");
        assertThat(retrying.get("error", Document.class).getString("code")).isEqualTo("postback_http_500");
        assertThat(failedIds(invoke(SqsEventJson.event(SqsEventJson.record(SYNCHRONIZED, messageId, body, 2, null))))).isEmpty();
        assertThat(source(mongo, 8106).get("lastSyncPostback", Document.class).getString("status")).isEqualTo("delivered");
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aFailureOnTheLastReceiveIsRecordedAsDeadLettered() {
        http.receiver("/sync-down", 503);
        putSource(mongo, newSource(8110, "https://example.com/feed", "p/").append("sync_postback_url", http.url("/sync-down")));
        completedRun(8110, "run-down", 1, 0, 0);
        String messageId = newId();
        String body = "{\"source_id\": 8110, \"run_id\": \"run-down\"}";
        assertThat(failedIds(invoke(SqsEventJson.event(SqsEventJson.record(SYNCHRONIZED, messageId, body, 5, null)))))
                .containsExactly(messageId);
        Document record = collection(mongo, "sync_events").find(Filters.eq("_id", messageId)).first();
        assertThat(record.getString("status")).isEqualTo("dead_lettered");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("postback_http_503");
    }
}
