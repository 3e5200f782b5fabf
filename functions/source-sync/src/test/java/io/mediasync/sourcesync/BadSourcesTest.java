package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Bad sources and bad orders: each failure is recorded on the source (or in sync_runs) with a clear reason,
 * permanent ones are not retried, transient ones are, and nothing already registered is lost.
 */
@QuarkusTest
class BadSourcesTest extends SyncTestSupport {

    static SourceServer server;

    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;
    @Inject
    MongoClient mongo;

    @BeforeAll
    static void website() {
        server = new SourceServer();
        server.put("/img/a.jpg", TestImages.jpeg(0x0000FF), "image/jpeg");
        server.put("/img/b.jpg", TestImages.jpeg(0x00FF00), "image/jpeg");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyQueues() {
        drainAll(sqs);
    }

    private String goodFeed(String... images) {
        List<Feeds.Episode> episodes = java.util.Arrays.stream(images)
                .map(path -> new Feeds.Episode("id-" + path, null, path, "image/jpeg")).toList();
        return Feeds.podcast(server.url(""), "Mon, 01 Jan 2024 10:00:00 GMT", null, null, episodes);
    }

    /** Runs one order; returns the ids SQS should deliver again. */
    private List<String> sync(long sourceId, String path) {
        return failedIds(invoke(SqsEventJson.event(orderRecord(sourceId, server.url(path), "bad/"))));
    }

    private void assertFailed(long sourceId, String status, String code, String reasonPart) {
        Document source = source(mongo, sourceId);
        assertThat(source.getString("lastSyncStatus")).isEqualTo(status);
        Document error = source.get("lastError", Document.class);
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("reason")).contains(reasonPart);
        assertThat(error.get("at")).isNotNull();
        assertThat(drain(sqs, SYNCHRONIZED)).as("a failed sync is not announced as synchronized").isEmpty();
    }

    /** Syncs a good feed with one image first, so the failure has something registered it must not lose. */
    private void syncedOnce(long sourceId, String path) {
        server.putText(path, goodFeed("/img/a.jpg"), "application/rss+xml");
        putSource(mongo, newSource(sourceId, server.url(path), "bad/"));
        assertThat(sync(sourceId, path)).isEmpty();
        assertThat(files(mongo, sourceId)).hasSize(1);
        drainAll(sqs);
    }

    private void assertNothingLost(long sourceId) {
        assertThat(files(mongo, sourceId)).hasSize(1).allSatisfy(f -> assertThat(f.getBoolean("deleted")).isFalse());
        assertThat(drain(sqs, DELETED)).isEmpty();
    }

    @Test
    void malformedXmlIsRecordedAndRegisteredFilesStay() {
        syncedOnce(7101, "/malformed.xml");
        server.putText("/malformed.xml", "<rss><channel><item><title>broken</channel></rss>", "application/rss+xml");
        assertThat(sync(7101, "/malformed.xml")).as("not retried").isEmpty();
        assertFailed(7101, "failed", "malformed_listing", "not well-formed");
        assertNothingLost(7101);
    }

    @Test
    void xmlEntitiesAreNotExpanded() {
        putSource(mongo, newSource(7111, server.url("/xxe.xml"), "bad/"));
        server.putText("/xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><guid>&xxe;</guid><enclosure url="/img/a.jpg" type="image/jpeg"/></item></channel></rss>
                """, "application/rss+xml");
        assertThat(sync(7111, "/xxe.xml")).isEmpty();
        assertFailed(7111, "failed", "malformed_listing", "xxe");
        assertThat(files(mongo, 7111)).isEmpty();
    }

    @Test
    void htmlWithoutImagesIsRecordedAndChangesNothing() {
        syncedOnce(7102, "/empty.html");
        server.putText("/empty.html", "<!doctype html><html><body><p>No pictures today.</p><a href='/x.html'>x</a></body></html>",
                "text/html");
        assertThat(sync(7102, "/empty.html")).isEmpty();
        assertFailed(7102, "failed", "no_files_found", "lists no image files");
        assertNothingLost(7102);
    }

    @Test
    void notFoundSourceIsRecordedNotRetried() {
        syncedOnce(7103, "/gone.xml");
        server.status("/gone.xml", 404);
        assertThat(sync(7103, "/gone.xml")).isEmpty();
        assertFailed(7103, "failed", "http_404", "answered HTTP 404");
        assertNothingLost(7103);
    }

    @Test
    void redirectToAPrivateAddressIsRefusedByTheGuard() {
        putSource(mongo, newSource(7104, server.url("/moved.xml"), "bad/"));
        server.redirect("/moved.xml", "http://10.0.0.7/feed.xml");
        assertThat(sync(7104, "/moved.xml")).isEmpty();
        assertFailed(7104, "failed", "blocked_address", "10.0.0.7");
        assertThat(files(mongo, 7104)).isEmpty();
    }

    @Test
    void pathTraversalInFileNamesAndContentPathStaysInside() {
        putSource(mongo, newSource(7105, server.url("/traversal.xml"), "../../etc/"));
        server.put("/dl/1", TestImages.jpeg(0xFF0000), "image/jpeg",
                Map.of("Content-Disposition", "attachment; filename=\"../../etc/passwd\""));
        server.put("/img/..%2F..%2Fetc%2Fshadow.jpg", TestImages.jpeg(0xFFFF00), "image/jpeg");
        server.putText("/traversal.xml", Feeds.podcast(server.url(""), "x", null, null, List.of(
                new Feeds.Episode("t-1", null, "/dl/1", "image/jpeg"),
                new Feeds.Episode("t-2", null, "/img/..%2F..%2Fetc%2Fshadow.jpg", "image/jpeg"))), "application/rss+xml");
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(7105, server.url("/traversal.xml"), "../../etc/")))))
                .isEmpty();
        List<String> keys = files(mongo, 7105).stream().map(f -> f.getString("key")).sorted().toList();
        assertThat(keys).containsExactly("content/etc/passwd.jpg", "content/etc/shadow.jpg");
        keys.forEach(key -> assertThat(s3.headObject(b -> b.bucket(CONTENT_BUCKET).key(key)).contentLength()).isPositive());
        assertThat(filenames(bodies(drain(sqs, DOWNLOADED)))).containsExactly("passwd.jpg", "shadow.jpg");
    }

    @Test
    void stallingSourceIsRetriedBySqsAndRecorded() {
        putSource(mongo, newSource(7106, server.url("/stall.xml"), "bad/"));
        server.stall("/stall.xml", 6_000);
        String messageId = newId();
        String body = orderBody(7106, server.url("/stall.xml"), "bad/");
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(messageId, body, 7106, 1))))).containsExactly(messageId);
        assertFailed(7106, "retrying", "timeout", "stall.xml");
        // the last delivery before the DLQ says so
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(messageId, body, 7106, 5))))).containsExactly(messageId);
        assertFailed(7106, "dead_lettered", "timeout", "stall.xml");
        Document run = collection(mongo, "sync_runs").find(Filters.eq("_id", "run-" + messageId)).first();
        assertThat(run.getString("status")).isEqualTo("dead_lettered");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSucceed() {
        putSource(mongo, newSource(7107, server.url("/busy.xml"), "bad/"));
        String feed = goodFeed("/img/a.jpg");
        server.sequence("/busy.xml", n -> n <= 2
                ? new SourceServer.Resource(n == 1 ? 503 : 429, new byte[] {'x'}, "text/plain", null, null, Map.of("Retry-After", "1"), 0)
                : SourceServer.ok(feed.getBytes(), "application/rss+xml"));
        assertThat(sync(7107, "/busy.xml")).isEmpty();
        assertThat(server.hits("/busy.xml")).isEqualTo(3);
        assertThat(source(mongo, 7107).getString("lastSyncStatus")).isEqualTo("completed");
        assertThat(files(mongo, 7107)).hasSize(1);
    }

    @Test
    void oneBrokenFileFailsAloneAndIsRecorded() {
        putSource(mongo, newSource(7108, server.url("/partly.xml"), "bad/"));
        server.status("/img/missing.jpg", 404);
        server.putText("/partly.xml", goodFeed("/img/a.jpg", "/img/missing.jpg", "/img/b.jpg"), "application/rss+xml");
        assertThat(sync(7108, "/partly.xml")).isEmpty();
        Document source = source(mongo, 7108);
        assertThat(source.getString("lastSyncStatus")).isEqualTo("completed_with_errors");
        assertThat(source.get("lastError", Document.class).getString("code")).isEqualTo("files_failed");
        assertThat(source.get("lastError", Document.class).getString("reason")).contains("http_404").contains("missing.jpg");
        JsonNode synced = bodies(drain(sqs, SYNCHRONIZED)).get(0);
        assertThat(synced.path("downloaded").asLong()).isEqualTo(2);
        assertThat(synced.path("failed").asLong()).isEqualTo(1);
        assertThat(files(mongo, 7108)).hasSize(2);

        // the file stays missing, another one breaks: the registered one is kept, not deleted
        server.status("/img/b.jpg", 500);
        server.putText("/partly.xml", goodFeed("/img/a.jpg", "/img/missing.jpg", "/img/b.jpg").replace("2024", "2025"),
                "application/rss+xml");
        assertThat(sync(7108, "/partly.xml")).isEmpty();
        assertThat(files(mongo, 7108)).hasSize(2).allSatisfy(f -> assertThat(f.getBoolean("deleted")).isFalse());
        assertThat(file(mongo, 7108, "b.jpg").get("lastError", Document.class).getString("code")).isEqualTo("http_500");
        assertThat(drain(sqs, DELETED)).isEmpty();
        server.put("/img/b.jpg", TestImages.jpeg(0x00FF00), "image/jpeg");
    }

    @Test
    void headersAndCookiesGoToTheSourceHostOnlyAndSecretsStayOutOfRecords() {
        String secret = "Bearer test-token-not-a-real-secret";
        String cdnImage = "http://localhost:" + server.port() + "/cdn/c.jpg";
        server.put("/cdn/c.jpg", TestImages.jpeg(0x808080), "image/jpeg");
        server.putText("/private.xml", Feeds.podcast("", "x", null, null,
                List.of(new Feeds.Episode("p-1", null, cdnImage, "image/jpeg"))), "application/rss+xml");
        putSource(mongo, newSource(7109, server.url("/private.xml"), "bad/")
                .append("headers", new Document("Authorization", new Document("secretRef", "SOURCE_SECRET_TEST_TOKEN"))
                        .append("X-Client", "mediasync-test"))
                .append("cookies", new Document("session", "abc123")));
        server.resetHits();
        assertThat(sync(7109, "/private.xml")).isEmpty();
        Map<String, String> listing = server.requests("/private.xml").get(0);
        assertThat(listing).containsEntry("authorization", secret).containsEntry("x-client", "mediasync-test")
                .containsEntry("cookie", "session=abc123");
        Map<String, String> file = server.requests("/cdn/c.jpg").get(0);
        assertThat(file).doesNotContainKeys("authorization", "cookie", "x-client");
        assertThat(source(mongo, 7109).toJson()).doesNotContain("test-token-not-a-real-secret");
        assertThat(collection(mongo, "sync_runs").find(Filters.eq("source_id", 7109L)).first().toJson())
                .doesNotContain("test-token-not-a-real-secret");
    }

    @Test
    void aSourcesHeadersStayAtItsOriginNotAnotherPortOfItsHost() {
        try (SourceServer otherPort = new SourceServer()) {
            otherPort.put("/c.jpg", TestImages.jpeg(0x404040), "image/jpeg");
            server.putText("/ports.xml", Feeds.podcast("", "x", null, null,
                    List.of(new Feeds.Episode("p-2", null, otherPort.url("/c.jpg"), "image/jpeg"))), "application/rss+xml");
            putSource(mongo, newSource(7113, server.url("/ports.xml"), "bad/")
                    .append("headers", new Document("X-Api-Key", "k-not-for-other-origins")));
            server.resetHits();

            assertThat(sync(7113, "/ports.xml")).isEmpty();

            assertThat(server.requests("/ports.xml").get(0)).containsEntry("x-api-key", "k-not-for-other-origins");
            assertThat(otherPort.requests("/c.jpg").get(0)).doesNotContainKey("x-api-key");
        }
    }

    @Test
    void anOrderOnlyAsksForASyncTheSourceRecordSaysWhatToFetchAndWhere() throws Exception {
        try (SourceServer attacker = new SourceServer()) {
            attacker.putText("/evil.xml", goodFeed("/img/a.jpg"), "application/rss+xml");
            server.putText("/real.xml", goodFeed("/img/b.jpg"), "application/rss+xml");
            putSource(mongo, newSource(7114, server.url("/real.xml"), "real/")
                    .append("headers", new Document("X-Api-Key", "k-for-the-real-source")));
            String forged = "{\"source_id\": 7114, \"url\": \"" + attacker.url("/evil.xml") + "\", \"content_path\": \"../../escape/\"}";

            assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(newId(), forged, 1, 1))))).isEmpty();

            assertThat(attacker.totalHits()).as("the order's url is never fetched").isZero();
            assertThat(files(mongo, 7114)).extracting(f -> f.getString("key")).containsExactly("content/real/b.jpg");
            assertThat(source(mongo, 7114).getString("lastSyncStatus")).isEqualTo("completed");
        }
    }

    @Test
    void twoSourcesWithTheSameContentPathNeverShareAnObject() {
        server.put("/one/cover.jpg", TestImages.jpeg(0x111111), "image/jpeg");
        server.put("/two/cover.jpg", TestImages.jpeg(0x222222), "image/jpeg");
        server.putText("/one.xml", goodFeed("/one/cover.jpg"), "application/rss+xml");
        server.putText("/two.xml", goodFeed("/two/cover.jpg"), "application/rss+xml");
        putSource(mongo, newSource(7115, server.url("/one.xml"), "shared/"));
        putSource(mongo, newSource(7116, server.url("/two.xml"), "shared/"));

        assertThat(sync(7115, "/one.xml")).isEmpty();
        assertThat(sync(7116, "/two.xml")).isEmpty();

        Document one = files(mongo, 7115).get(0);
        Document two = files(mongo, 7116).get(0);
        assertThat(one.getString("key")).isEqualTo("content/shared/cover.jpg");
        assertThat(two.getString("key")).isNotEqualTo(one.getString("key")).startsWith("content/shared/cover-");
        assertThat(SourceServer.sha(s3.getObjectAsBytes(b -> b.bucket(CONTENT_BUCKET).key(one.getString("key"))).asByteArray()))
                .isEqualTo(SourceServer.sha(TestImages.jpeg(0x111111)));
        assertThat(SourceServer.sha(s3.getObjectAsBytes(b -> b.bucket(CONTENT_BUCKET).key(two.getString("key"))).asByteArray()))
                .isEqualTo(SourceServer.sha(TestImages.jpeg(0x222222)));
    }

    @Test
    void missingSecretIsAFailureWithItsName() {
        putSource(mongo, newSource(7110, server.url("/private.xml"), "bad/")
                .append("headers", new Document("Authorization", new Document("secretRef", "SOURCE_SECRET_NOT_SET"))));
        assertThat(sync(7110, "/private.xml")).isEmpty();
        assertFailed(7110, "failed", "secret_missing", "SOURCE_SECRET_NOT_SET");
        putSource(mongo, newSource(7110, server.url("/private.xml"), "bad/")
                .append("headers", new Document("Authorization", new Document("secretRef", "MONGO_URL"))));
        assertThat(sync(7110, "/private.xml")).isEmpty();
        assertFailed(7110, "failed", "invalid_secret_ref", "SOURCE_SECRET_");
    }

    @Test
    void badOrdersAreRecordedAndNotRetried() {
        putSource(mongo, newSource(7112, server.url("/x.xml"), "bad/").append("enabled", false));
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("this is not json", "not_json");
        cases.put("[1, 2]", "not_an_object");
        cases.put("{\"url\": \"http://127.0.0.1/x\", \"content_path\": \"p/\"}", "missing_source_id");
        cases.put("{\"source_id\": 7112, \"content_path\": \"p/\"}", "missing_url");
        cases.put("{\"source_id\": 424242, \"url\": \"http://127.0.0.1/x\", \"content_path\": \"p/\"}", "unknown_source");
        cases.put("{\"source_id\": 7112, \"url\": \"http://127.0.0.1/x\", \"content_path\": \"p/\"}", "source_disabled");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String messageId = newId();
            assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(messageId, c.getKey(), 1, 1))))).as(c.getKey()).isEmpty();
            Document record = collection(mongo, "sync_runs").find(Filters.eq("_id", "msg-" + messageId)).first();
            assertThat(record).as(c.getKey()).isNotNull();
            assertThat(record.getString("status")).isEqualTo("rejected");
            assertThat(record.get("error", Document.class).getString("code")).isEqualTo(c.getValue());
            assertThat(record.getString("body")).isEqualTo(c.getKey());
        }
    }
}
