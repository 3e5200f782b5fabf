package io.mediasync.resync.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ScanTest {

    @Test
    void whereProvideStoppedIsSavedAsScanKeyAndIdAndReadBack() {
        ObjectId id = new ObjectId("6650b2f1c2a4e93b8f0e4c01");
        Scan.Cursor cursor = new Scan.Cursor(1, Date.from(Instant.parse("2026-12-07T04:00:00Z")), id);

        assertThat(cursor.toDocument().toJson()).isEqualTo("{\"scan\": 1, \"key\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"id\": {\"$oid\": \"6650b2f1c2a4e93b8f0e4c01\"}}");
        assertThat(Scan.Cursor.read(cursor.toDocument())).isEqualTo(cursor);
    }

    @Test
    void theStartOfAScanHasNoPlaceInItAndAnEmptyCursorIsTheFirstScansStart() {
        assertThat(Scan.Cursor.startOf(2).toDocument().toJson()).isEqualTo("{\"scan\": 2}");
        assertThat(Scan.Cursor.read(new Document())).isEqualTo(Scan.Cursor.startOf(0));
    }
}
