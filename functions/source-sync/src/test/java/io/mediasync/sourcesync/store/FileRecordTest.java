package io.mediasync.sourcesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.mongo.RecordedError;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** files: a reservation's stored document, a stored file read back typed, and its image order. */
class FileRecordTest {

    private static final Date AT = new Date(1_700_000_000_000L);

    @Test
    void aReservationIsStoredWithItsNameAndNoContentYet() {
        FileRecord reserved = FileRecord.reserved(725, "guid:a", "https://cdn.example.com/a.jpg", "a.jpg",
                "content/portraits/a.jpg", "run-m1", AT);

        assertThat(reserved.toDocument()).isEqualTo(new Document("_id", reserved.id()).append("source_id", 725L)
                .append("remote_id", "guid:a").append("url", "https://cdn.example.com/a.jpg").append("filename", "a.jpg")
                .append("key", "content/portraits/a.jpg").append("version", 0).append("announcedVersion", 0)
                .append("deleted", false).append("firstSeenAt", AT).append("lastSeenAt", AT).append("lastRunId", "run-m1"));
        assertThat(FileRecord.read(reserved.toDocument())).isEqualTo(reserved);
        assertThat(reserved.live()).isFalse();
    }

    @Test
    void aStoredFileReadsBackTyped() {
        ObjectId id = new ObjectId();
        Document stored = new Document("_id", id).append("source_id", 725).append("remote_id", "guid:a")
                .append("url", "https://cdn.example.com/a.jpg").append("filename", "a.jpg").append("key", "k/a.jpg")
                .append("size", 100).append("sha256", "s2").append("content_type", "image/jpeg").append("etag", "e")
                .append("lastModified", "lm").append("version", 2).append("announcedVersion", 1).append("deleted", false)
                .append("firstSeenAt", AT).append("lastSeenAt", AT).append("downloadedAt", AT).append("lastRunId", "run-m1")
                .append("lastOutcome", "downloaded").append("previousSha256", "s1").append("replacedSha256", List.of("s1"))
                .append("lastError", new RecordedError("http_404", "gone", AT).toDocument())
                .append("imageOrder", new Document("sha256", "s1").append("status", "sent").append("messageId", "q1")
                        .append("queue", "resize.fifo").append("at", AT));

        FileRecord file = FileRecord.read(stored);

        assertThat(file).isEqualTo(new FileRecord(id, 725, "guid:a", "https://cdn.example.com/a.jpg", "a.jpg", "k/a.jpg",
                100L, "s2", "image/jpeg", "e", "lm", 2, 1, false, AT, AT, AT, "run-m1", FileOutcome.DOWNLOADED,
                new RecordedError("http_404", "gone", AT), null, null, null, "s1", List.of("s1"),
                ImageOrder.sent("s1", "q1", "resize.fifo", AT), null, List.of(), null));
        assertThat(file.live()).isTrue();
        assertThat(file.announced()).as("version 2 not announced yet").isFalse();
        assertThat(file.imageOrder().isFor("s2")).isFalse();
    }

    @Test
    void aRecordWrittenBeforeTheRenameKeepsItsLastModified() {
        Document before = FileRecord.reserved(725, "guid:a", "u", "a.jpg", "k/a.jpg", "run-m1", AT).toDocument()
                .append("version", 1).append("last_modified", "Mon, 07 Dec 2026 10:00:00 GMT");

        assertThat(FileRecord.read(before).lastModified()).isEqualTo("Mon, 07 Dec 2026 10:00:00 GMT");
        assertThat(FileRecord.read(before.append("lastModified", "Tue, 08 Dec 2026 10:00:00 GMT")).lastModified())
                .as("the new name wins once written").isEqualTo("Tue, 08 Dec 2026 10:00:00 GMT");
    }

    @Test
    void anImageOrderIsStoredAsSentOrAsNotAnImage() {
        assertThat(ImageOrder.sent("s1", "q1", "resize.fifo", AT).toDocument()).isEqualTo(new Document("sha256", "s1")
                .append("status", "sent").append("messageId", "q1").append("queue", "resize.fifo").append("at", AT));
        Document notAnImage = ImageOrder.notAnImage("s1", "video/mp4", AT).toDocument();
        assertThat(notAnImage).isEqualTo(new Document("sha256", "s1").append("status", "not_an_image")
                .append("content_type", "video/mp4").append("at", AT));
        assertThat(ImageOrder.read(notAnImage)).isEqualTo(ImageOrder.notAnImage("s1", "video/mp4", AT));
    }

    @Test
    void theOutcomesAreStoredAsBefore() {
        assertThat(List.of(FileOutcome.values()).stream().map(FileOutcome::value))
                .containsExactly("downloaded", "skipped", "failed");
    }
}
