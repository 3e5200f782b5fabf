package io.mediasync.resync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StorageRowTest {

    static final Date AT = Date.from(Instant.parse("2026-12-07T04:00:00Z"));

    @Test
    void anOrderIsSetOnItsRowWholeUnderItsOwnNames() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("image_url", "https://img.example/c1.jpg");
        fields.put("itunes_image", "s3://bucket/c1.png");
        StorageRow.Order order = new StorageRow.Order("h1", "t-1", "channels-1", AT, fields, 2, false, null);

        assertThat(order.toDocument().toJson()).isEqualTo("{\"hash\": \"h1\", \"token\": \"t-1\", \"run\": \"channels-1\", "
                + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"fields\": {\"image_url\": \"https://img.example/c1.jpg\", "
                + "\"itunes_image\": \"s3://bucket/c1.png\"}, \"attempts\": 2, \"sent\": false}");
        assertThat(StorageRow.Order.read(order.toDocument())).isEqualTo(order);
    }

    @Test
    void whereTheWalkStandsIsSavedWithItsCursorSinceSeqAndAt() {
        StorageRow.Inheriting inheriting = new StorageRow.Inheriting(new Document("pages", 2L), AT, 1, AT);

        assertThat(inheriting.toDocument().toJson()).isEqualTo("{\"cursor\": {\"pages\": 2}, \"since\": {\"$date\": "
                + "\"2026-12-07T04:00:00Z\"}, \"seq\": 1, \"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}}");
        assertThat(StorageRow.Inheriting.read(inheriting.toDocument())).isEqualTo(inheriting);
    }

    @Test
    void aStoredRowIsReadWithTypedFields() {
        Document stored = Document.parse("{\"_id\": \"episodes|\\\"ep\\\"\", \"collection\": \"episodes\", \"docId\": \"ep\", "
                + "\"reason\": \"related\", \"relatedTo\": \"channels|1\", \"runId\": \"channels-1\", \"providedBy\": \"channels-2\", "
                + "\"providedAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"createdAt\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"ordered\": {\"hash\": \"h\", \"token\": \"t\", \"run\": \"channels-2\", \"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"fields\": {\"image_url\": \"https://img.example/ep.jpg\"}, \"attempts\": 1, \"sent\": true, "
                + "\"inheriting\": {\"cursor\": {}, \"since\": {\"$date\": \"2026-12-07T04:00:00Z\"}, \"seq\": {\"$numberLong\": \"2\"}, "
                + "\"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}}}}");

        StorageRow row = StorageRow.read(stored);

        assertThat(row).isEqualTo(new StorageRow("episodes|\"ep\"", "episodes", "ep", "related", "channels|1", false, "channels-1",
                "channels-2", AT, AT, new StorageRow.Order("h", "t", "channels-2", AT, Map.of("image_url", "https://img.example/ep.jpg"),
                        1, true, new StorageRow.Inheriting(new Document(), AT, 2, AT))));
    }

    @Test
    void aRowNeverOrderedHasNoOrder() {
        StorageRow row = StorageRow.read(new Document("_id", "channels|1").append("docId", 1).append("force", true));

        assertThat(row.ordered()).isNull();
        assertThat(row.docId()).isEqualTo(1);
        assertThat(row.force()).isTrue();
    }
}
