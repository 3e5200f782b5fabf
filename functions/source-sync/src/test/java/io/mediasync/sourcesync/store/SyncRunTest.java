package io.mediasync.sourcesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import io.mediasync.common.mongo.StoredValue;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/** sync_runs: a run as SyncRuns writes it, read back typed; a file failure's stored shape; the stored statuses. */
class SyncRunTest {

    private static final Date STARTED = new Date(1_700_000_000_000L);
    private static final Date ENDED = new Date(1_700_000_060_000L);

    @Test
    void aCompletedRunIsReadBackTyped() {
        Document stored = Document.parse("""
                {"_id": "run-m1", "source_id": 725, "status": "completed_with_errors", "originMessageId": "m1",
                 "url": "https://feeds.example.com/rss", "content_path": "portraits/", "cursor": 3, "invocations": 2,
                 "messageIds": ["m1", "m2"], "adapter": "feed", "itemCount": 3, "truncated": false,
                 "listingEtag": "\\"e1\\"", "listingLastModified": "Mon, 07 Dec 2026 10:00:00 GMT", "notModified": false,
                 "failedKeys": ["k1"], "retries": 1,
                 "counts": {"downloaded": 1, "skipped": 1, "deleted": 0, "failed": 1}}""")
                .append("startedAt", STARTED).append("updatedAt", ENDED).append("endedAt", ENDED).append("announcedAt", ENDED)
                .append("listing", new Binary(new byte[] {1, 2}))
                .append("lastError", new RecordedError("http_503", "busy", STARTED).toDocument())
                .append("failures", List.of(new SyncRun.FileFailure("k1", "guid:a", "https://cdn.example.com/a.jpg",
                        new RecordedError("http_404", "gone", STARTED)).toDocument()));

        SyncRun run = SyncRun.read(stored);

        assertThat(run).usingRecursiveComparison().isEqualTo(new SyncRun("run-m1", 725L, RunStatus.COMPLETED_WITH_ERRORS,
                "m1", "https://feeds.example.com/rss", "portraits/", 2, List.of("m1", "m2"), "feed", new byte[] {1, 2}, 3,
                false, "\"e1\"", "Mon, 07 Dec 2026 10:00:00 GMT", false, null, 3, List.of("k1"),
                List.of(new SyncRun.FileFailure("k1", "guid:a", "https://cdn.example.com/a.jpg",
                        new RecordedError("http_404", "gone", STARTED))), new Counts(1, 1, 0, 1), null,
                new RecordedError("http_503", "busy", STARTED), 1, null, STARTED, ENDED, ENDED, ENDED));
        assertThat(run.running()).isFalse();
        assertThat(run.status().completed()).isTrue();
    }

    @Test
    void anOrderThatDidNotBecomeARunReadsWithoutCountsOrListing() {
        Document stored = new Document("_id", SyncRun.notRunId("m9")).append("status", "ignored").append("source_id", null)
                .append("body", "{}").append("error", new RecordedError("duplicate_order", "ended", ENDED).toDocument())
                .append("startedAt", ENDED).append("endedAt", ENDED).append("updatedAt", ENDED);

        SyncRun run = SyncRun.read(stored);

        assertThat(run.id()).isEqualTo("msg-m9");
        assertThat(run.status()).isEqualTo(RunStatus.IGNORED);
        assertThat(run.sourceId()).isNull();
        assertThat(run.body()).isEqualTo("{}");
        assertThat(run.error()).isEqualTo(new RecordedError("duplicate_order", "ended", ENDED));
        assertThat(run.listing()).isNull();
        assertThat(run.counts()).isEqualTo(new Counts(0, 0, 0, 0));
        assertThat(run.failures()).isEmpty();
    }

    @Test
    void aFileFailureIsStoredFlatWithItsKeyLast() {
        Document stored = new SyncRun.FileFailure("k1", "guid:a", "https://cdn.example.com/a.jpg",
                new RecordedError("http_404", "gone", STARTED)).toDocument();

        assertThat(stored).isEqualTo(new Document("remote_id", "guid:a").append("url", "https://cdn.example.com/a.jpg")
                .append("code", "http_404").append("reason", "gone").append("at", STARTED).append("key", "k1"));
        assertThat(List.copyOf(stored.keySet())).containsExactly("remote_id", "url", "code", "reason", "at", "key");
    }

    @Test
    void theStatusesAreStoredAsBeforeAndAFailedMessageMapsToItsRunStatus() {
        assertThat(List.of(RunStatus.values()).stream().map(RunStatus::value)).containsExactly("running", "completed",
                "completed_with_errors", "ignored", "abandoned", "rejected", "failed", "retrying", "dead_lettered");
        for (RecordStatus failed : List.of(RecordStatus.REJECTED, RecordStatus.FAILED, RecordStatus.RETRYING,
                RecordStatus.DEAD_LETTERED)) {
            assertThat(RunStatus.of(failed).value()).isEqualTo(failed.value());
        }
        assertThat(StoredValue.known(RunStatus.class, "done")).isNull();
        assertThat(StoredValue.known(RunStatus.class, null)).isNull();
    }
}
