package io.mediasync.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.contracts.ResizeOrder.Resync;
import io.mediasync.common.contracts.ResizeOrder.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies the producers sent before the contract existed, byte for byte. */
class ResizeOrderTest {

    @Test
    void aResyncOrderIsTheSeedsOrderWithTheResyncFieldsInTheirPlace() {
        Map<String, String> images = new LinkedHashMap<>();
        images.put("itunes_image", "https://img.example/i.jpg");
        images.put("image_url", "https://img.example/a.jpg");
        ResizeOrder order = new ResizeOrder("{\"$oid\": \"6650b2f1c2a4e93b8f0e4c01\"}", "channels", images, "channels",
                null, "resync-results", true, new Resync("tok-1", "run-1"), null, List.of());

        assertThat(order.toJson()).isEqualTo("{\"_id\":{\"$oid\":\"6650b2f1c2a4e93b8f0e4c01\"},\"collection\":\"channels\","
                + "\"itunes_image\":\"https://img.example/i.jpg\",\"image_url\":\"https://img.example/a.jpg\","
                + "\"bucket_name\":\"channels\",\"redirect_queue\":\"resync-results\",\"report_failures\":true,"
                + "\"resync_token\":\"tok-1\",\"resync_run\":\"run-1\"}");
    }

    @Test
    void aSourceFileOrderCarriesTheFileAfterItsDestinations() {
        ResizeOrder order = new ResizeOrder(null, null, Map.of("image_url", "s3://content/p/caf%C3%A9.jpg"), "source-7",
                "https://example.com/pb", "Thumbs", false, null, new SourceFile(7, "café.jpg", "abc123", "f00d"),
                ResizeOrder.JPEG_AND_WEBP);

        assertThat(order.toJson()).isEqualTo("{\"image_url\":\"s3://content/p/caf%C3%A9.jpg\",\"bucket_name\":\"source-7\","
                + "\"postback_url\":\"https://example.com/pb\",\"redirect_queue\":\"Thumbs\",\"source_id\":7,"
                + "\"filename\":\"café.jpg\",\"file_id\":\"abc123\",\"sha256\":\"f00d\",\"formats\":[\"jpeg\",\"webp\"]}");
    }

    @Test
    void absentOptionalFieldsAreLeftOutAndAStringIdStaysAString() {
        ResizeOrder order = new ResizeOrder("\"chan-2\"", "channels", Map.of("image_url", "https://img.example/b.jpg"),
                "b", null, "q", false, null, null, List.of());

        assertThat(order.toJson()).isEqualTo("{\"_id\":\"chan-2\",\"collection\":\"channels\","
                + "\"image_url\":\"https://img.example/b.jpg\",\"bucket_name\":\"b\",\"redirect_queue\":\"q\"}");
    }
}
