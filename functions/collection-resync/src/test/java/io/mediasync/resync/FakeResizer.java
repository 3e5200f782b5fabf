package io.mediasync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.testsupport.ResizerResults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Stands in for the image-resizer in this module's tests: for each order it fetches the images (loopback only;
 * any other host is refused as the SSRF guard refuses it, without a packet) and builds exactly the result the
 * resizer forwards ({@link ResizerResults}, checked against the real resizer in its FailureReportTest). The real
 * resizer runs in tools/local-runtime's end-to-end test.
 */
final class FakeResizer {

    static final String URL_BASE = "http://127.0.0.1:9/images-ch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("image_url", "itunes_image");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ResizerResults results = new ResizerResults(URL_BASE);

    /** The result for one order, as the resizer would forward it (report_failures: every field answered). */
    String resultFor(String orderJson) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(orderJson);
        ObjectNode result = order.deepCopy();
        String bucket = order.path("bucket_name").asText("default");
        for (String field : FIELDS) {
            JsonNode url = order.get(field);
            if (url == null) {
                continue;
            }
            URI uri = URI.create(url.asText());
            if (!"127.0.0.1".equals(uri.getHost())) {
                result = ResizerResults.failed(result, field, "blocked_address", "refused: " + uri.getHost() + " is not a public address");
                continue;
            }
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (got.statusCode() != 200) {
                result = ResizerResults.failed(result, field, "http_" + got.statusCode(), "the server answered " + got.statusCode());
            } else if (!isJpeg(got.body())) {
                result = ResizerResults.failed(result, field, "not_an_image", "the bytes are not an image (HTML?)");
            } else {
                result = results.resized(result, field, bucket, got.body());
            }
        }
        return result.toString();
    }

    /** The info the resizer makes of these bytes, as the document should hold it. */
    JsonNode infoOf(byte[] source, String bucket) {
        return results.resized(JSON.createObjectNode(), "x", bucket, source).get("x_info");
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
    }
}
