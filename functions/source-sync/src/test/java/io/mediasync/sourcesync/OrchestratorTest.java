package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.hash.Sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.mediasync.common.postback.ReceiverSecrets;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** sync-orchestrator (seed 000, phase 2) through the mock event server, with events as the old and new producers send them. */
@QuarkusTest
@TestProfile(OrchestratorTest.Orchestrator.class)
class OrchestratorTest extends SyncTestSupport {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static HttpFixture http;

    public static class Orchestrator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "sync-orchestrator",
                    "mediasync.mongo.database", "mediasync_sourcesync_orchestrator");
        }
    }

    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;
    @Inject
    MongoClient mongo;

    @BeforeAll
    static void receivers() {
        http = new HttpFixture();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void clean() {
        drainAll(sqs);
    }

    private Document registered(long sourceId, String filename, String contentType, String sha) {
        Document file = new Document("_id", new ObjectId()).append("source_id", sourceId).append("remote_id", "url:x/" + filename)
                .append("filename", filename).append("key", "content/p" + sourceId + "/" + filename).append("size", 100L)
                .append("sha256", sha).append("content_type", contentType).append("version", 1).append("announcedVersion", 1)
                .append("deleted", false).append("firstSeenAt", new Date());
        collection(mongo, "files").insertOne(file);
        return file;
    }

    private static String sha(String seed) {
        return Sha256.hex(seed);
    }

    private static List<String> deliver(String queue, String... bodies) {
        var records = java.util.Arrays.stream(bodies).map(b -> SqsEventJson.record(queue, newId(), b, 1, null))
                .toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new);
        return failedIds(invoke(SqsEventJson.event(records)));
    }

    @Test
    void seedShapedDownloadedEventBecomesOneResizeOrder() throws Exception {
        putSource(mongo, newSource(8101, "https://example.com/feed", "p8101/").append("postback_url", "https://example.com/pb"));
        Document file = registered(8101, "6miu5n4ybt3.jpg", "image/jpeg", sha("8101-a"));

        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();

        List<Message> orders = drain(sqs, RESIZE);
        assertThat(orders).hasSize(1);
        JsonNode order = JSON.readTree(orders.get(0).body());
        assertThat(order.path("image_url").asText()).isEqualTo("s3://mediasync-content/content/p8101/6miu5n4ybt3.jpg");
        assertThat(order.path("bucket_name").asText()).isEqualTo("source-8101");
        assertThat(order.path("postback_url").asText()).isEqualTo("https://example.com/pb");
        assertThat(order.has("redirect_queue")).as("the source's postback is enough").isFalse();
        assertThat(order.path("source_id").asLong()).isEqualTo(8101);
        assertThat(order.path("filename").asText()).isEqualTo("6miu5n4ybt3.jpg");
        assertThat(order.path("file_id").asText()).isEqualTo(file.getObjectId("_id").toHexString());
        assertThat(orders.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "source-8101")
                .containsEntry("MessageDeduplicationId", sha(sha("8101-a") + "content/p8101/6miu5n4ybt3.jpg"));
        Document recorded = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(recorded.get("imageOrder", Document.class).getString("status")).isEqualTo("sent");

        // the same event again, or as a "skipped" event: already ordered
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();
        assertThat(deliver(SKIPPED, "{\"source_id\": 8101, \"filename\": \"6miu5n4ybt3.jpg\"}")).isEmpty();
        assertThat(drain(sqs, RESIZE)).isEmpty();
    }

    @Test
    void skippedImageNeverOrderedIsOrderedAsARepair() {
        putSource(mongo, newSource(8102, "https://example.com/feed", "p/").append("redirect_queue", "ChannelThumbs"));
        registered(8102, "late.png", "image/png", sha("8102-a"));
        assertThat(deliver(SKIPPED, "{\"source_id\": 8102, \"filename\": \"late.png\"}")).isEmpty();
        List<JsonNode> orders = bodies(drain(sqs, RESIZE));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("redirect_queue").asText()).isEqualTo("ChannelThumbs");
    }

    @Test
    void nonImageFilesAreRegisteredButNotOrdered() {
        putSource(mongo, newSource(8103, "https://example.com/feed", "p/"));
        Document file = registered(8103, "notes.pdf", "application/pdf", sha("8103-a"));
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8103, \"filename\": \"notes.pdf\"}")).isEmpty();
        assertThat(drain(sqs, RESIZE)).isEmpty();
        Document recorded = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(recorded.get("imageOrder", Document.class).getString("status")).isEqualTo("not_an_image");
    }

    @Test
    void badEventsAreRecordedAndNotRetried() {
        putSource(mongo, newSource(8104, "https://example.com/feed", "p/"));
        Map<String, String[]> cases = Map.of(
                "not json at all", new String[] {DOWNLOADED, "not_json"},
                "{\"source_id\": 8104, \"filename\": \"never-registered.jpg\"}", new String[] {DOWNLOADED, "unknown_file"},
                "{\"source_id\": 999999, \"filename\": \"x.jpg\"}", new String[] {DELETED, "unknown_source"},
                "{\"filename\": \"x.jpg\"}", new String[] {SKIPPED, "missing_source_id"},
                "{\"source_id\": 8104}", new String[] {"SomeOtherQueue", "unknown_event"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String messageId = newId();
            String event = SqsEventJson.event(SqsEventJson.record(c.getValue()[0], messageId, c.getKey(), 1, null));
            assertThat(failedIds(invoke(event))).as(c.getKey()).isEmpty();
            Document record = collection(mongo, "sync_events").find(Filters.eq("_id", messageId)).first();
            assertThat(record).as(c.getKey()).isNotNull();
            assertThat(record.get("error", Document.class).getString("code")).as(c.getKey()).isEqualTo(c.getValue()[1]);
        }
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
        new WebhookVerifier(new ReceiverSecrets(SECRET).secretsFor(URI.create(http.url("/sync-done"))))
                .verify(posts.get(0).headers(), posts.get(0).body());
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

    @Test
    void thumbnailsAreRemovedOnlyForContentsTheRegistrySaysWereReplaced() {
        putSource(mongo, newSource(8111, "https://example.com/feed", "p/"));
        String old = sha("8111-old");
        String current = sha("8111-new");
        String other = sha("8111-other-file");
        Document file = registered(8111, "cover.jpg", "image/jpeg", current);
        registered(8111, "unrelated.jpg", "image/jpeg", other);
        collection(mongo, "files").updateOne(Filters.eq("_id", file.getObjectId("_id")),
                new Document("$set", new Document("replacedSha256", List.of(old)).append("previousSha256", old)));
        List<String> oldThumbs = thumbnails(8111, old);
        List<String> otherThumbs = thumbnails(8111, other);

        // the event claims another file's content was replaced: the registry says old was
        assertThat(deliver(DOWNLOADED, "{\"source_id\": 8111, \"filename\": \"cover.jpg\", \"previous_sha256\": \"" + other + "\"}"))
                .isEmpty();

        assertThat(oldThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as(k).isFalse());
        assertThat(otherThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as(k).isTrue());
        Document after = collection(mongo, "files").find(Filters.eq("_id", file.getObjectId("_id"))).first();
        assertThat(after.getList("replacedSha256", String.class)).isEmpty();
    }

    @Test
    void aFileEventNeverRemovesWhatTheRegistryKeepsLive() {
        putSource(mongo, newSource(8112, "https://example.com/feed", "p/"));
        Document live = registered(8112, "live.jpg", "image/jpeg", sha("8112-live"));
        putObject(s3, CONTENT_BUCKET, live.getString("key"), new byte[] {1}, Map.of("sha256", live.getString("sha256")));
        List<String> thumbs = thumbnails(8112, live.getString("sha256"));

        assertThat(deliver(DELETED, "{\"source_id\": 8112, \"filename\": \"live.jpg\"}")).isEmpty();

        assertThat(exists(CONTENT_BUCKET, live.getString("key"))).isTrue();
        assertThat(thumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).isTrue());
    }

    @Test
    void deletedFileLosesItsContentButKeepsThumbnailsAnotherFileShares() {
        putSource(mongo, newSource(8107, "https://example.com/feed", "p/"));
        String shared = sha("8107-shared");
        String own = sha("8107-own");
        Document gone = registered(8107, "gone.jpg", "image/jpeg", shared);
        registered(8107, "twin.jpg", "image/jpeg", shared);
        Document alone = registered(8107, "alone.jpg", "image/jpeg", own);
        for (Document f : List.of(gone, alone)) {
            collection(mongo, "files").updateOne(Filters.eq("_id", f.getObjectId("_id")),
                    new Document("$set", new Document("deleted", true).append("deleteAnnounced", true)));
            putObject(s3, CONTENT_BUCKET, f.getString("key"), new byte[] {1}, Map.of("sha256", f.getString("sha256")));
        }
        List<String> sharedThumbs = thumbnails(8107, shared);
        List<String> ownThumbs = thumbnails(8107, own);

        assertThat(deliver(DELETED, "{\"source_id\": 8107, \"filename\": \"gone.jpg\"}",
                "{\"source_id\": 8107, \"filename\": \"alone.jpg\"}")).isEmpty();

        assertThat(sharedThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).as("shared with twin.jpg").isTrue());
        assertThat(ownThumbs).allSatisfy(k -> assertThat(exists(RESIZED_BUCKET, k)).isFalse());
        assertThat(exists(CONTENT_BUCKET, gone.getString("key"))).isFalse();
        assertThat(exists(CONTENT_BUCKET, alone.getString("key"))).isFalse();
        Document marked = collection(mongo, "files").find(Filters.eq("_id", alone.getObjectId("_id"))).first();
        assertThat(marked.get("thumbnailsRemovedAt")).isNotNull();
        assertThat(marked.getList("thumbnailsRemoved", String.class)).containsExactlyInAnyOrderElementsOf(ownThumbs);
    }

    private List<String> thumbnails(long sourceId, String sha) {
        List<String> keys = List.of("50x50", "250x250", "800x800").stream()
                .map(l -> "images-resized/source-" + sourceId + "/" + sha.substring(0, 32) + "_" + l + ".jpeg").toList();
        keys.forEach(k -> putObject(s3, RESIZED_BUCKET, k, new byte[] {1}, Map.of()));
        return keys;
    }

    private boolean exists(String bucket, String key) {
        return exists(s3, bucket, key);
    }
}
