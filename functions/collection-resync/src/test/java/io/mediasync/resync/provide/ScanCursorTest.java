package io.mediasync.resync.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ScanCursorTest {

    @Test
    void whereProvideStoppedIsSavedAsScanKeyAndIdAndReadBack() {
        ObjectId id = new ObjectId("6650b2f1c2a4e93b8f0e4c01");
        ScanCursor cursor = new ScanCursor(1, Date.from(Instant.parse("2026-12-07T04:00:00Z")), id);

        assertThat(cursor.toDocument().toJson()).isEqualTo("{\"scan\": 1, \"key\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"id\": {\"$oid\": \"6650b2f1c2a4e93b8f0e4c01\"}}");
        assertThat(ScanCursor.read(cursor.toDocument())).isEqualTo(cursor);
    }

    @Test
    void theStartOfAScanHasNoPlaceInItAndAnEmptyCursorIsTheFirstScansStart() {
        assertThat(ScanCursor.startOf(2).toDocument().toJson()).isEqualTo("{\"scan\": 2}");
        assertThat(ScanCursor.read(new Document())).isEqualTo(ScanCursor.startOf(0));
    }
}
