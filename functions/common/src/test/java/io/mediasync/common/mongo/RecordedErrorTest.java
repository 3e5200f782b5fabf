package io.mediasync.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RecordedErrorTest {

    private static final Date AT = Date.from(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void anErrorIsStoredAsCodeReasonAndAtInThatOrder() {
        Document stored = new RecordedError("timeout", "no answer in 10 s", AT).toDocument();

        assertThat(stored.toJson()).isEqualTo("{\"code\": \"timeout\", \"reason\": \"no answer in 10 s\", \"at\": {\"$date\": \"2026-12-07T10:00:00Z\"}}");
        assertThat(RecordedError.read(stored)).isEqualTo(new RecordedError("timeout", "no answer in 10 s", AT));
    }

    @Test
    void anErrorWithoutItsOwnTimeHasNoAt() {
        assertThat(RecordedError.of("not_found", "404").toDocument().toJson()).isEqualTo("{\"code\": \"not_found\", \"reason\": \"404\"}");
        assertThat(RecordedError.read(null)).isNull();
    }
}
