package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MessageRecordTest {

    @Test
    void aStoredMessageRecordIsReadWithItsStatusAndError() {
        Date at = Date.from(Instant.parse("2026-12-07T04:00:00Z"));
        Document stored = Document.parse("{\"_id\": \"m-1\", \"queue\": \"GL_RESYNC_RESULTS\", \"body\": \"not json\", \"runId\": null, "
                + "\"status\": \"dead_lettered\", \"error\": {\"code\": \"not_json\", \"reason\": \"the message is not JSON\"}, "
                + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"attempts\": 5, \"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}}");

        assertThat(MessageRecord.read(stored)).isEqualTo(new MessageRecord("m-1", "GL_RESYNC_RESULTS", "not json", null,
                RecordStatus.DEAD_LETTERED, RecordedError.of("not_json", "the message is not JSON"), at, 5, at));
    }
}
