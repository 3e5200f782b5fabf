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
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad input ends recorded with a clear reason: a bad message or a bad image is finished
 * (rejected/failed, not retried, nothing posted back); a transient problem goes back to the queue.
 */
@QuarkusTest
class BadInputTest extends ResizerTestSupport {

    static HttpFixture http;
    static PostbackReceiver receiver;

    @Inject
    MongoClient mongo;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        byte[] jpeg = TestImages.jpeg(400, 300);
        http.serve("/page.html", "<!doctype html><html><body><img src=x.jpg></body></html>".getBytes(), "image/jpeg");
        http.serve("/truncated.jpg", TestImages.truncated(jpeg), "image/jpeg");
        http.serve("/huge.png", TestImages.blackPng(7746, 7746), "image/png");
        http.serve("/too-big.jpg", new byte[6_000_000], "image/jpeg");
        http.status("/missing.jpg", 404);
        http.status("/broken.jpg", 503);
        http.stall("/stall.jpg", 10_000);
        http.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        http.redirect("/to-private", "http://10.0.0.7/img.jpg");
        receiver = http.receiver("/postback");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void notJsonIsRejected() {
        assertFinished("{not json", "rejected", "not_json");
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() {
        assertFinished("[1,2]", "rejected", "not_json_object");
    }

    @Test
    void orderWithoutImageIsRejectedAndKeepsItsOwnId() {
        Document record = assertFinished("{\"_id\": {\"$oid\": \"6650b2f1c2a4e93b8f0e4a99\"}, \"bucket_name\":\"TEST\",\"postback_url\":\""
                + http.url("/postback") + "\"}", "rejected", "missing_image");
        assertThat(record.getString("orderId")).as("a user finds the rejection by their own id").isEqualTo("6650b2f1c2a4e93b8f0e4a99");
    }

    @Test
    void anUnreachableImageIsRetriedWithAReasonSaidOnceWithoutClassNames() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/img.jpg";
        String messageId = newId();
        invoke(SqsEventJson.event(record(messageId, order(url, http.url("/postback")).toString(), 1)));
        assertThat(recordOf(mongo, messageId).get("lastError", Document.class).getString("reason"))
                .isEqualTo("download of " + url + " failed: connection refused");
    }

    @Test
    void orderWithoutDestinationIsRejected() {
        assertFinished("{\"image_url\":\"" + http.url("/page.html") + "\"}", "rejected", "missing_destination");
    }

    @Test
    void nonHttpUrlIsRejected() {
        assertFinished(order("file:///etc/passwd", http.url("/postback")).toString(), "rejected", "bad_url");
    }

    @Test
    void bucketNameWithSlashIsRejected() {
        ObjectNode order = order(http.url("/page.html"), http.url("/postback"));
        order.put("bucket_name", "../../other");
        assertFinished(order.toString(), "rejected", "bad_bucket_name");
    }

    @Test
    void notFoundImageFails() {
        assertFinished(order(http.url("/missing.jpg"), http.url("/postback")).toString(), "failed", "http_404");
    }

    @Test
    void htmlInsteadOfImageFails() {
        assertFinished(order(http.url("/page.html"), http.url("/postback")).toString(), "failed", "not_an_image");
    }

    @Test
    void truncatedJpegFails() {
        assertFinished(order(http.url("/truncated.jpg"), http.url("/postback")).toString(), "failed", "corrupt_image");
    }

    @Test
    void sixtyMegapixelPngIsRejectedBeforeDecoding() {
        Document record = assertFinished(order(http.url("/huge.png"), http.url("/postback")).toString(), "failed", "too_many_pixels");
        // the header check's own words: the size read from the header, before any decoding (ImageProcessorLargeImagesTest
        // shows the rejection allocates next to nothing)
        assertThat(record.get("error", Document.class).getString("reason")).contains("image is 7746x7746 = 60.0 MP, over the");
    }

    @Test
    void bodyOverTheByteCapFails() {
        assertFinished(order(http.url("/too-big.jpg"), http.url("/postback")).toString(), "failed", "too_large");
    }

    @Test
    void linkLocalMetadataAddressIsRefused() {
        assertFinished(order("http://169.254.169.254/latest/meta-data/", http.url("/postback")).toString(), "failed", "blocked_address");
    }

    @Test
    void privateAddressIsRefused() {
        assertFinished(order("http://10.0.0.7/img.jpg", http.url("/postback")).toString(), "failed", "blocked_address");
    }

    @Test
    void ipv6MappedPrivateAddressIsRefused() {
        assertFinished(order("http://[::ffff:10.0.0.7]/img.jpg", http.url("/postback")).toString(), "failed", "blocked_address");
    }

    @Test
    void redirectToMetadataAddressIsRefused() {
        assertFinished(order(http.url("/to-metadata"), http.url("/postback")).toString(), "failed", "blocked_address");
    }

    @Test
    void redirectToPrivateAddressIsRefused() {
        assertFinished(order(http.url("/to-private"), http.url("/postback")).toString(), "failed", "blocked_address");
    }

    @Test
    void stallingServerIsRetriedNotLost() {
        assertRetried(order(http.url("/stall.jpg"), http.url("/postback")).toString(), "timeout");
    }

    @Test
    void serverErrorIsRetriedNotLost() {
        assertRetried(order(http.url("/broken.jpg"), http.url("/postback")).toString(), "http_503");
    }

    @Test
    void lastReceiveIsRecordedAsDeadLettered() {
        String messageId = newId();
        JsonNode answer = invoke(SqsEventJson.event(record(messageId, order(http.url("/broken.jpg"), http.url("/postback")).toString(), 5)));
        assertThat(failedIds(answer)).containsExactly(messageId);
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("dead_lettered");
        assertThat(record.get("lastError", Document.class).getString("code")).isEqualTo("http_503");
    }

    private Document assertFinished(String body, String status, String code) {
        int postsBefore = receiver.received().size();
        String messageId = newId();
        JsonNode answer = invoke(SqsEventJson.event(record(messageId, body, 1)));
        assertThat(failedIds(answer)).as("a finished message is not retried").isEmpty();
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo(status);
        Document error = record.get("error", Document.class);
        if (error == null) {
            error = record.get("images", Document.class).get("image_url", Document.class).get("error", Document.class);
        }
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("reason")).isNotBlank();
        assertThat(record.getString("body")).isEqualTo(body);
        assertThat(receiver.received()).as("nothing is posted back for a bad order").hasSize(postsBefore);
        return record;
    }

    private void assertRetried(String body, String code) {
        String messageId = newId();
        JsonNode answer = invoke(SqsEventJson.event(record(messageId, body, 1)));
        assertThat(failedIds(answer)).containsExactly(messageId);
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("retrying");
        assertThat(record.get("lastError", Document.class).getString("code")).isEqualTo(code);
        assertThat(record.getList("errors", Document.class)).hasSize(1);
    }

}
