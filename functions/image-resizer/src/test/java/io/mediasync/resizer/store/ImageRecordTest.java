package io.mediasync.resizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.contracts.ResizeResult;
import io.mediasync.resizer.imaging.OutputFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The record and result message of an image field: for a JPEG-only order, character for character the seed-era ones
 * (README's example); with WebP, the same plus a "webp" object in each size's entry.
 */
class ImageRecordTest {

    private static final String BASE = "https://cdn.example/images-resized/TEST/975bfd4caa0d11ebb394f36767fff8ec_";
    private static final List<StoredImage> JPEGS = List.of(jpeg("50x50", 50, 38, 1200), jpeg("250x250", 250, 188, 9100));
    private static final String SEED_INFO = "{\"50x50\": {\"url\": \"" + BASE + "50x50.jpeg\", \"bucket_path\": "
            + "\"images-resized/TEST/\"}, \"250x250\": {\"url\": \"" + BASE + "250x250.jpeg\", \"bucket_path\": "
            + "\"images-resized/TEST/\"}}";
    private static final String SEED_OUTPUTS = "{\"50x50\": {\"url\": \"" + BASE + "50x50.jpeg\", \"key\": "
            + "\"images-resized/TEST/975bfd4caa0d11ebb394f36767fff8ec_50x50.jpeg\", \"width\": 50, \"height\": 38, "
            + "\"bytes\": 1200}, \"250x250\": {\"url\": \"" + BASE + "250x250.jpeg\", \"key\": "
            + "\"images-resized/TEST/975bfd4caa0d11ebb394f36767fff8ec_250x250.jpeg\", \"width\": 250, \"height\": 188, "
            + "\"bytes\": 9100}}";

    /** The bytes the resizer sent before the result was a contract; a client's own {@code _info} is replaced in place. */
    private static final String RESULT = "{\"_id\":{\"$oid\":\"6650b2f1c2a4e93b8f0e4c01\"},"
            + "\"image_url\":\"http://img.example/a.jpg\",\"itunes_image\":\"http://img.example/b.jpg\","
            + "\"image_url_info\":{\"50x50\":{\"url\":\"" + BASE + "50x50.jpeg\",\"bucket_path\":\"images-resized/TEST/\","
            + "\"webp\":{\"url\":\"" + BASE + "50x50.webp\"}},\"250x250\":{\"url\":\"" + BASE + "250x250.jpeg\","
            + "\"bucket_path\":\"images-resized/TEST/\",\"webp\":{\"url\":\"" + BASE + "250x250.webp\"}}},"
            + "\"bucket_name\":\"TEST\",\"report_failures\":true,\"itunes_image_error\":{\"code\":\"http_404\",\"reason\":\"the source answered 404 \\\"gone\\\"\"}}";

    @Test
    void aJpegOnlyImageIsRecordedAndPostedBackAsBefore() {
        ImageRecord record = result(Map.of(OutputFormat.JPEG, JPEGS));
        Document image = record.toDocument();
        assertThat(image.keySet()).containsExactly("url", "id", "sha256", "format", "width", "height", "bytes",
                "outputs", "reused", "timingsMs");
        assertThat(image.get("outputs", Document.class).toJson()).isEqualTo(SEED_OUTPUTS);
        assertThat(record.info("images-resized/TEST/").infoDocument().toJson()).isEqualTo(SEED_INFO);
    }

    @Test
    void webpUrlsComeInsideEachSizesEntryBesideTheJpegs() {
        List<StoredImage> webps = List.of(webp("50x50", 50, 38, 700), webp("250x250", 250, 188, 5000));
        ImageRecord image = result(Map.of(OutputFormat.JPEG, JPEGS, OutputFormat.WEBP, webps));
        Document outputs = image.toDocument().get("outputs", Document.class);
        Document info = image.info("images-resized/TEST/").infoDocument();
        for (StoredImage webp : webps) {
            Document output = outputs.get(webp.label(), Document.class);
            assertThat(output.get("webp", Document.class)).isEqualTo(new Document("url", webp.url())
                    .append("key", webp.key()).append("bytes", webp.bytes()));
            Document entry = info.get(webp.label(), Document.class);
            assertThat(entry.keySet()).containsExactly("url", "bucket_path", "webp");
            assertThat(entry.getString("url")).isEqualTo(BASE + webp.label() + ".jpeg");
            assertThat(entry.get("webp", Document.class)).isEqualTo(new Document("url", webp.url()));
        }
        // without the added field, what a seed-era client reads is exactly the JPEG-only message
        info.values().forEach(entry -> ((Document) entry).remove("webp"));
        assertThat(info.toJson()).isEqualTo(SEED_INFO);
    }

    @Test
    void theResultMessageIsTheOrderWithEachFieldsSizesOrErrorAddedInTheOrdersFieldOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode order = (ObjectNode) json.readTree("{\"_id\":{\"$oid\":\"6650b2f1c2a4e93b8f0e4c01\"},"
                + "\"image_url\":\"http://img.example/a.jpg\",\"itunes_image\":\"http://img.example/b.jpg\","
                + "\"image_url_info\":\"the client's own\",\"bucket_name\":\"TEST\",\"report_failures\":true}");
        List<StoredImage> webps = List.of(webp("50x50", 50, 38, 700), webp("250x250", 250, 188, 5000));
        ImageRecord image = result(Map.of(OutputFormat.JPEG, JPEGS, OutputFormat.WEBP, webps));
        ImageRecord failed = ImageRecord.failed("http://img.example/b.jpg", "http_404", "the source answered 404 \"gone\"");

        Map<String, ResizeResult.Field> fields = new LinkedHashMap<>();
        fields.put("image_url", image.info("images-resized/TEST/"));
        fields.put("itunes_image", ResizeResult.Field.failed(failed.failure()));

        assertThat(json.writeValueAsString(new ResizeResult(fields).addTo(order))).isEqualTo(RESULT);
        assertThat(order.has("itunes_image_error")).as("the order itself is left as it came").isFalse();
    }

    private static ImageRecord result(Map<OutputFormat, List<StoredImage>> outputs) {
        return ImageRecord.ok("http://img.example/a.jpg", "975bfd4caa0d11ebb394f36767fff8ec", "ab".repeat(32), "jpeg",
                1200, 900, 123456, outputs, false, Map.of("total", 5L));
    }

    private static StoredImage jpeg(String label, int width, int height, long bytes) {
        String key = "images-resized/TEST/975bfd4caa0d11ebb394f36767fff8ec_" + label + ".jpeg";
        return new StoredImage(label, key, BASE + label + ".jpeg", width, height, bytes);
    }

    private static StoredImage webp(String label, int width, int height, long bytes) {
        String key = "images-resized/TEST/975bfd4caa0d11ebb394f36767fff8ec_" + label + ".webp";
        return new StoredImage(label, key, BASE + label + ".webp", width, height, bytes);
    }
}
