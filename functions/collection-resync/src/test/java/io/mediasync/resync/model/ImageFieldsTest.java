package io.mediasync.resync.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.mongo.RecordedError;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** {@code image_resync.<field>} exactly as stored on the user's document, and read back. */
class ImageFieldsTest {

    private static final Date AT = Date.from(Instant.parse("2026-12-07T04:00:00Z"));
    private static final String URL = "https://images.example.org/c1.jpg";

    @Test
    void aDoneEntryIsItsUrlStatusAndTime() {
        assertThat(ImageFields.Written.done(URL, AT).toEntry().toJson()).isEqualTo(
                "{\"source_url\": \"" + URL + "\", \"status\": \"done\", \"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}}");
    }

    @Test
    void aFailedEntryPassedOnToAChildKeepsItsErrorAndNamesItsParent() {
        Document entry = ImageFields.Written.failed(URL, "not_found", "404 from the image's server", AT).inheritedFrom("c1").toEntry();

        assertThat(entry.toJson()).isEqualTo("{\"source_url\": \"" + URL + "\", \"status\": \"failed\", \"error\": {\"code\": "
                + "\"not_found\", \"reason\": \"404 from the image's server\"}, \"at\": {\"$date\": \"2026-12-07T04:00:00Z\"}, "
                + "\"inherited_from\": \"c1\"}");
        Document child = new Document("_id", "e1").append(ImageFields.RESYNC, new Document("image_url", entry));
        assertThat(ImageFields.Written.of(child, "image_url")).contains(new ImageFields.Written(URL, RecordStatus.FAILED,
                new RecordedError("not_found", "404 from the image's server", null), AT, "c1", false));
    }

    @Test
    void aFieldTheReSyncNeverWroteHasNoEntry() {
        assertThat(ImageFields.Written.of(new Document("_id", "c1"), "image_url")).isEmpty();
        assertThat(ImageFields.Written.of(null, "image_url")).isEmpty();
    }
}
