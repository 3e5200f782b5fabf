package io.mediasync.sourcesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.postback.PostbackStatus;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** sources: a seed's document and one the sync wrote to, read typed; what the orchestrator stores on a source. */
class SourceRecordTest {

    private static final Date AT = new Date(1_700_000_000_000L);

    @Test
    void aSeedDocumentReadsWithItsOwnNames() {
        ObjectId id = new ObjectId();
        Document seed = Document.parse("""
                {"source_id": 77735.0, "url": "https://feeds.example.com/rss", "content_path": "portraits/",
                 "headers": {"X-Token": {"secretRef": "SOURCE_SECRET_X"}}, "cookies": "a=b",
                 "headers_origin": "https://feeds.example.com", "postback_url": "https://client.example.com/done",
                 "redirect_queue": "thumbs", "sync_postback_url": "https://client.example.com/synced"}""").append("_id", id);

        SourceRecord source = SourceRecord.read(seed);

        assertThat(source.id()).isEqualTo(id);
        assertThat(source.sourceId()).isEqualTo(77735L);
        assertThat(source.url()).isEqualTo("https://feeds.example.com/rss");
        assertThat(source.contentPath()).isEqualTo("portraits/");
        assertThat(source.enabled()).isNull();
        assertThat(source.disabled()).isFalse();
        assertThat(source.headers()).isEqualTo(new Document("X-Token", new Document("secretRef", "SOURCE_SECRET_X")));
        assertThat(source.cookies()).isEqualTo("a=b");
        assertThat(source.headersOrigin()).isEqualTo("https://feeds.example.com");
        assertThat(source.postbackUrl()).isEqualTo("https://client.example.com/done");
        assertThat(source.redirectQueue()).isEqualTo("thumbs");
        assertThat(source.syncPostbackUrl()).isEqualTo("https://client.example.com/synced");
        assertThat(source.currentRunId()).isNull();
        assertThat(source.lastSynchronized()).isNull();
    }

    @Test
    void aFieldOfTheWrongTypeReadsAsAbsent() {
        SourceRecord source = SourceRecord.read(new Document("source_id", 5).append("content_path", 7).append("enabled", "no"));

        assertThat(source.contentPath()).isNull();
        assertThat(source.enabled()).isNull();
        assertThat(SourceRecord.read(new Document("enabled", false)).disabled()).isTrue();
    }

    @Test
    void theSyncsOwnFieldsReadBackTyped() {
        Document stored = new Document("source_id", 725L).append("currentRunId", "run-m1").append("runUpdatedAt", AT)
                .append("lastRunId", "run-m1").append("lastSyncStatus", "completed").append("lastSyncStartedAt", AT)
                .append("lastSyncEndedAt", AT).append("lastSyncCounts", new Counts(2, 1, 0, 0).toDocument())
                .append("lastError", new RecordedError("files_failed", "1 file", AT).toDocument())
                .append("listingUrl", "https://feeds.example.com/rss").append("listingEtag", "e1")
                .append("listingLastModified", "lm").append("lastFullSyncAt", AT).append("lastOrderedWindow", 42L)
                .append("lastOrderedAt", AT).append("updatedAt", AT)
                .append("lastSynchronized", new SyncAnnouncement("run-m1", RunStatus.COMPLETED, true, new Counts(2, 1, 0, 0), AT)
                        .toDocument())
                .append("lastSyncPostback", SyncPostback.delivered("run-m1", "https://client.example.com/s", 204, AT).toDocument());

        SourceRecord source = SourceRecord.read(stored);

        assertThat(source).isEqualTo(new SourceRecord(null, 725L, null, null, null, null, null, null, null, null, null, null,
                "run-m1", AT, "run-m1", RunStatus.COMPLETED, AT, AT, new Counts(2, 1, 0, 0),
                new RecordedError("files_failed", "1 file", AT), "https://feeds.example.com/rss", "e1", "lm", AT, 42L, AT,
                new SyncAnnouncement("run-m1", RunStatus.COMPLETED, true, new Counts(2, 1, 0, 0), AT),
                new SyncPostback("run-m1", "https://client.example.com/s", PostbackStatus.DELIVERED, 204, null, AT), AT));
    }

    @Test
    void lastSynchronizedIsStoredAsTheRunsCountsWithItsRun() {
        assertThat(new SyncAnnouncement("run-m1", RunStatus.COMPLETED, false, new Counts(3, 2, 1, 0), AT).toDocument())
                .isEqualTo(new Document("downloaded", 3L).append("skipped", 2L).append("deleted", 1L).append("failed", 0L)
                        .append("runId", "run-m1").append("status", "completed").append("notModified", null).append("at", AT));
    }

    @Test
    void aFailedPostbackIsStoredWithItsErrorAndNoHttpStatus() {
        Document stored = SyncPostback.failed("run-m1", "https://client.example.com/s", "http_500", "refused", AT).toDocument();

        assertThat(stored).isEqualTo(Document.parse("""
                {"runId": "run-m1", "url": "https://client.example.com/s", "status": "failed",
                 "error": {"code": "http_500", "reason": "refused"}}""").append("at", AT));
        assertThat(SyncPostback.read(stored)).isEqualTo(new SyncPostback("run-m1", "https://client.example.com/s",
                PostbackStatus.FAILED, null, RecordedError.of("http_500", "refused"), AT));
    }
}
