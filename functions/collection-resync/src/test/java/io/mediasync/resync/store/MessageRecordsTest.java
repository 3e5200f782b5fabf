package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A failed message's record as it is stored, and read back typed. */
class MessageRecordsTest {

    @Test
    void eachFailedAttemptUpdatesOneRecordPerMessage() {
        try (MemoryMongo mongo = new MemoryMongo()) {
            MessageRecords records = new MessageRecords(mongo.db(), MemoryMongo.CONFIG, MemoryMongo.CLOCK);

            records.record("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r", RecordStatus.RETRYING, "run_busy", "busy");
            records.record("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r", RecordStatus.DEAD_LETTERED, "run_busy", "busy");

            assertThat(mongo.db().getCollection("resync_messages").find().first()).isEqualTo(Document.parse("{\"_id\": \"m-1\", "
                    + "\"queue\": \"GL_RESYNC_WORK.fifo\", \"body\": \"{\\\"run_id\\\": \\\"r\\\"}\", \"runId\": \"r\", "
                    + "\"status\": \"dead_lettered\", \"error\": {\"code\": \"run_busy\", \"reason\": \"busy\"}, "
                    + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"attempts\": 2, \"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}}"));
            Date at = Date.from(MemoryMongo.NOW);
            assertThat(records.find("m-1")).isEqualTo(new MessageRecord("m-1", "GL_RESYNC_WORK.fifo", "{\"run_id\": \"r\"}", "r",
                    RecordStatus.DEAD_LETTERED, RecordedError.of("run_busy", "busy"), at, 2, at));
        }
    }
}
