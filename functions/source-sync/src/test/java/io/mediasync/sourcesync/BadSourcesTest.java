package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Bad sources and bad orders: each failure is recorded on the source (or in sync_runs) with a clear reason,
 * permanent ones are not retried, transient ones are, and nothing already registered is lost.
 */
@QuarkusTest
class BadSourcesTest extends BadSourcesFixture {

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
        server.put("/img/b.jpg", TestImages.swatchJpeg(0x00FF00), "image/jpeg");
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
