package io.mediasync.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.contracts.ResizeResult.Failure;
import io.mediasync.common.contracts.ResizeResult.Field;
import io.mediasync.common.contracts.ResizeResult.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The resize result written by the resizer and read back by the re-sync: the same fields, in the seed's shape. */
class ResizeResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOrdersFieldsComeFirstThenEachFieldsSizesOrError() throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree("{\"_id\":\"chan-2\",\"image_url\":\"http://i/a.jpg\","
                + "\"itunes_image\":\"http://i/b.jpg\",\"bucket_name\":\"b\"}");
        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("itunes_image", Field.failed(new Failure("http_404", null)));
        fields.put("image_url", Field.resized(Map.of("50x50", new Size("https://cdn/a_50x50.jpeg", "b/", null))));

        assertThat(JSON.writeValueAsString(new ResizeResult(fields).addTo(order))).isEqualTo("{\"_id\":\"chan-2\","
                + "\"image_url\":\"http://i/a.jpg\",\"itunes_image\":\"http://i/b.jpg\",\"bucket_name\":\"b\","
                + "\"itunes_image_error\":{\"code\":\"http_404\",\"reason\":null},"
                + "\"image_url_info\":{\"50x50\":{\"url\":\"https://cdn/a_50x50.jpeg\",\"bucket_path\":\"b/\"}}}");
    }

    @Test
    void whatTheResizerWritesTheResyncReadsBack() throws Exception {
        Map<String, Size> sizes = new LinkedHashMap<>();
        sizes.put("800x800", new Size("https://cdn/a_800x800.jpeg", "b/", "https://cdn/a_800x800.webp"));
        sizes.put("50x50", new Size("https://cdn/a_50x50.jpeg", "b/", null));
        ResizeResult written = new ResizeResult(Map.of("image_url", Field.resized(sizes),
                "itunes_image", Field.failed(new Failure("not_an_image", "the bytes are text"))));

        Document received = Document.parse(JSON.writeValueAsString(written.addTo(JSON.createObjectNode())));

        assertThat(ResizeResult.read(received, "image_url")).isEqualTo(Field.resized(sizes));
        assertThat(ResizeResult.read(received, "itunes_image")).isEqualTo(written.fields().get("itunes_image"));
        assertThat(ResizeResult.read(received, "other_image")).isNull();
        assertThat(Field.resized(sizes).infoDocument().toJson()).isEqualTo("{\"800x800\": {\"url\": "
                + "\"https://cdn/a_800x800.jpeg\", \"bucket_path\": \"b/\", \"webp\": {\"url\": \"https://cdn/a_800x800.webp\"}}, "
                + "\"50x50\": {\"url\": \"https://cdn/a_50x50.jpeg\", \"bucket_path\": \"b/\"}}");
    }

    @Test
    void sizesNotInTheSeedsShapeAreRefusedAndTooManyToo() {
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i <= ResizeResult.MAX_SIZES; i++) {
            tooMany.put(i + "x" + i, new Document("url", "https://cdn/x").append("bucket_path", "b/"));
        }
        assertThatThrownBy(() -> ResizeResult.read(new Document("image_url_info", tooMany), "image_url"))
                .hasMessage("image_url_info is not {label: {url, bucket_path}}");
        assertThatThrownBy(() -> ResizeResult.read(new Document("image_url_info",
                new Document("50x50", new Document("url", "javascript:x").append("bucket_path", "b/"))), "image_url"))
                .hasMessage("image_url_info.50x50 is not {url, bucket_path}");
    }
}
