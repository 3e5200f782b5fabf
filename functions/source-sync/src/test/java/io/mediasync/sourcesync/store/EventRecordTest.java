package io.mediasync.sourcesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** sync_events and source_scheduler_state: what is stored, read back typed. */
class EventRecordTest {

    private static final Date AT = new Date(1_700_000_000_000L);

    @Test
    void aRejectedEventReadsBackTyped() {
        Document stored = new Document("_id", "m1").append("queue", "GL_FILE_DELETED").append("body", "not json")
                .append("status", "dead_lettered").append("error", new RecordedError("bad_json", "no", AT).toDocument())
                .append("createdAt", AT).append("updatedAt", AT).append("deliveries", 3);

        assertThat(EventRecord.read(stored)).isEqualTo(new EventRecord("m1", "GL_FILE_DELETED", "not json",
                RecordStatus.DEAD_LETTERED, new RecordedError("bad_json", "no", AT), 3, AT, AT));
    }

    @Test
    void theSchedulersCheckpointIsStoredWholeAndReadBack() {
        SweepCheckpoint stopped = SweepCheckpoint.of(42, 77735L, 1000, AT);
        SweepCheckpoint through = SweepCheckpoint.of(43, null, 12, AT);

        assertThat(stopped.toDocument()).isEqualTo(new Document("_id", "all-sources").append("window", 42L)
                .append("stopped", "deadline").append("ordered", 1000).append("at", AT).append("resumeAfter", 77735L));
        assertThat(through.toDocument()).isEqualTo(new Document("_id", "all-sources").append("window", 43L)
                .append("stopped", "completed").append("ordered", 12).append("at", AT));
        assertThat(SweepCheckpoint.read(stopped.toDocument())).isEqualTo(stopped);
        assertThat(SweepCheckpoint.read(through.toDocument())).isEqualTo(through);
    }
}
