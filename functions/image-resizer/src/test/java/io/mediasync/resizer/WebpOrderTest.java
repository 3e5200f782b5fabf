package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Orders with {@code "formats": ["jpeg", "webp"]} (issue 25) through the function on the devstack: each size's WebP
 * sits beside its JPEG ({@code .webp}, image/webp), decodes (TwelveMonkeys) to the JPEG's dimensions, a PNG logo keeps
 * its transparency, the URLs are in the postback and the record beside the JPEG's; an unknown format is rejected.
 */
@QuarkusTest
class WebpOrderTest extends ResizerTestSupport {

    private static final Map<String, int[]> PHOTO_SIZES = Map.of("50x50", new int[] {50, 38}, "250x250",
            new int[] {250, 188}, "800x800", new int[] {800, 600});
    static HttpFixture http;

    @Inject
    S3Client s3;
    @Inject
    MongoClient mongo;

    @BeforeAll
    static void serveImages() throws IOException {
        http = new HttpFixture();
        http.serve("/photo.jpg", TestImages.jpeg(1200, 900), "image/jpeg");
        http.serve("/logo.png", logo(400, 300), "image/png");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void webpRenditionsSitBesideTheJpegsAndArePostedBack() throws Exception {
        PostbackReceiver receiver = http.receiver("/postback-webp");
        ObjectNode order = order(http.url("/photo.jpg"), http.url("/postback-webp"));
        order.put("itunes_image", http.url("/logo.png"));
        order.set("formats", JSON.readTree("[\"jpeg\", \"webp\"]"));
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order.toString(), 1))))).isEmpty();

        JsonNode result = JSON.readTree(receiver.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(result.get("formats")).as("the order's fields pass through").isEqualTo(order.get("formats"));
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("done");
        for (Map.Entry<String, int[]> size : PHOTO_SIZES.entrySet()) {
            JsonNode entry = result.path("image_url_info").path(size.getKey());
            String jpegUrl = entry.path("url").asText();
            String webpUrl = entry.path("webp").path("url").asText();
            assertThat(jpegUrl).matches(".*/images-resized/TEST/[0-9a-f]{32}_" + size.getKey() + "\\.jpeg");
            assertThat(webpUrl).isEqualTo(jpegUrl.substring(0, jpegUrl.length() - "jpeg".length()) + "webp");
            ResponseBytes<GetObjectResponse> webp = object(webpUrl);
            assertThat(webp.response().contentType()).isEqualTo("image/webp");
            BufferedImage decoded = ImageIO.read(webp.asInputStream());
            assertThat(new int[] {decoded.getWidth(), decoded.getHeight()}).as(size.getKey()).isEqualTo(size.getValue());
            assertThat(TestImages.decode(object(jpegUrl).asByteArray()).getWidth()).isEqualTo(size.getValue()[0]);

            Document output = record.get("images", Document.class).get("image_url", Document.class)
                    .get("outputs", Document.class).get(size.getKey(), Document.class);
            Document recorded = output.get("webp", Document.class);
            assertThat(recorded.getString("url")).isEqualTo(webpUrl);
            assertThat(recorded.getString("key")).isEqualTo(webpUrl.substring(webpUrl.indexOf("images-resized/")));
            assertThat(recorded.get("bytes", Number.class).longValue()).isEqualTo(webp.asByteArray().length);
            assertThat(output.getString("url")).isEqualTo(jpegUrl);
        }

        // the logo: transparent where it was in the WebP, flattened onto white in the JPEG
        JsonNode logo = result.path("itunes_image_info").path("250x250");
        BufferedImage webpLogo = ImageIO.read(object(logo.path("webp").path("url").asText()).asInputStream());
        assertThat(new int[] {webpLogo.getWidth(), webpLogo.getHeight()}).isEqualTo(new int[] {250, 188});
        assertThat(webpLogo.getColorModel().hasAlpha()).isTrue();
        assertThat(webpLogo.getRGB(2, 2) >>> 24).as("corner alpha").isZero();
        assertThat(webpLogo.getRGB(125, 94) >>> 24).as("centre alpha").isEqualTo(255);
        BufferedImage jpegLogo = TestImages.decode(object(logo.path("url").asText()).asByteArray());
        assertThat(jpegLogo.getColorModel().hasAlpha()).isFalse();
        assertThat(jpegLogo.getRGB(2, 2) & 0xFFFFFF).as("white corner").isGreaterThan(0xF0F0F0);
    }

    @Test
    void aJpegOnlyImageOrderedAgainWithWebpKeepsItsJpegsAndGetsItsWebps() throws Exception {
        PostbackReceiver receiver = http.receiver("/postback-again");
        ObjectNode order = order(http.url("/photo.jpg"), http.url("/postback-again"));
        order.put("bucket_name", "AGAIN");
        invoke(SqsEventJson.event(record(newId(), order.toString(), 1)));
        order.set("formats", JSON.readTree("[\"webp\", \"jpeg\", \"webp\"]"));
        String messageId = newId();
        invoke(SqsEventJson.event(record(messageId, order.toString(), 1)));

        List<PostbackReceiver.Received> posts = receiver.await(2, Duration.ofSeconds(5));
        JsonNode first = JSON.readTree(posts.get(0).body()).path("image_url_info");
        JsonNode second = JSON.readTree(posts.get(1).body()).path("image_url_info");
        first.fieldNames().forEachRemaining(label -> {
            assertThat(first.get(label).has("webp")).isFalse();
            assertThat(second.get(label).path("url")).isEqualTo(first.get(label).path("url"));
            assertThat(second.get(label).path("webp").path("url").asText()).endsWith("_" + label + ".webp");
        });
        Document image = recordOf(mongo, messageId).get("images", Document.class).get("image_url", Document.class);
        assertThat(image.getBoolean("reused")).as("the WebPs were made").isFalse();
        assertThat(image.get("timingsMs", Document.class)).containsKey("process");
    }

    @Test
    void anUnknownFormatIsRejectedWithItsReasonRecorded() throws Exception {
        assertRejected("[\"jpeg\", \"avif\"]", "unknown_format");
        assertRejected("\"webp\"", "bad_field");
        assertRejected("[\"webp\"]", "bad_field");
        assertRejected("[]", "bad_field");
    }

    private void assertRejected(String formats, String code) throws Exception {
        ObjectNode order = order(http.url("/photo.jpg"), null);
        order.set("formats", JSON.readTree(formats));
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order.toString(), 1))))).isEmpty();
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).as(formats).isEqualTo("rejected");
        assertThat(record.get("error", Document.class).getString("code")).as(formats).isEqualTo(code);
        assertThat(record.get("error", Document.class).getString("reason")).contains("formats");
    }

    private ResponseBytes<GetObjectResponse> object(String url) {
        String key = url.substring(url.indexOf("images-resized/"));
        return s3.getObjectAsBytes(b -> b.bucket("images-ch").key(key));
    }

    /** A red disc on transparent pixels. */
    private static byte[] logo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = Math.hypot(x - width / 2.0, y - height / 2.0) < height * 0.4;
                image.setRGB(x, y, inside ? 0xFFFF0000 : 0x00000000);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
