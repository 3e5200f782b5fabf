package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.ResizerResults;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An internal order's {@code "report_failures": true} (collection-resync's): an image that cannot be resized is
 * reported to the order's destinations as {@code <field>_error: {code, reason}}, also when no field could be
 * resized; without it, the seed's behaviour holds (a public order's has no effect: OrderOriginTest).
 * The forwarded result is compared whole with {@link ResizerResults}, the shape collection-resync's tests feed its
 * apply handler.
 */
@QuarkusTest
class FailureReportTest extends ResizerTestSupport {

    static final String REDIRECT = "ChannelImages";
    static HttpFixture http;
    static final byte[] GOOD = TestImages.jpeg(400, 300);

    @Inject
    MongoClient mongo;
    @Inject
    SqsClient sqs;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        http.serve("/good.jpg", GOOD, "image/jpeg");
        http.serve("/page.html", "<html><body>not an image</body></html>".getBytes(), "text/html");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void emptyRedirectQueue() {
        forwarded();
    }

    /** A collection-resync order: its own fields pass through, the errors come back per field. */
    private ObjectNode resyncOrder(String imageUrl, String itunesImage) throws Exception {
        ObjectNode order = JSON.createObjectNode();
        order.set("_id", JSON.readTree("{\"$oid\": \"6650b2f1c2a4e93b8f0e4b01\"}"));
        order.put("collection", "channels");
        order.put("image_url", imageUrl);
        if (itunesImage != null) {
            order.put("itunes_image", itunesImage);
        }
        order.put("bucket_name", "channels");
        order.put("redirect_queue", REDIRECT);
        order.put("report_failures", true);
        order.put("resync_token", "token-" + newId());
        return order;
    }

    @Test
    void oneFieldResizedTheOtherReportedWithItsReason() throws Exception {
        ObjectNode order = resyncOrder(http.url("/good.jpg"), http.url("/missing.jpg"));
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, order.toString(), 1))))).isEmpty();

        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("done");
        Document error = record.get("images", Document.class).get("itunes_image", Document.class).get("error", Document.class);
        assertThat(error.getString("code")).isEqualTo("http_404");
        ObjectNode expected = ResizerResults.failed(results().resized(order, "image_url", "channels", GOOD),
                "itunes_image", "http_404", error.getString("reason"));
        assertThat(forwarded()).containsExactly(expected);
    }

    @Test
    void noFieldResizedIsStillReportedAndRecordedFailed() throws Exception {
        ObjectNode order = resyncOrder(http.url("/page.html"), null);
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, order.toString(), 1))))).isEmpty();

        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("failed");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("not_an_image");
        assertThat(record.get("redirect", Document.class).getString("status")).isEqualTo("sent");
        ObjectNode expected = ResizerResults.failed(order, "image_url", "not_an_image",
                record.get("error", Document.class).getString("reason"));
        assertThat(forwarded()).containsExactly(expected);

        // a redelivery of the finished order reports nothing again
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, order.toString(), 2))))).isEmpty();
        assertThat(forwarded()).isEmpty();
    }

    @Test
    void withoutTheOptInFailuresAreNotForwardedAsBefore() throws Exception {
        ObjectNode order = resyncOrder(http.url("/good.jpg"), http.url("/missing.jpg"));
        order.remove("report_failures");
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(newId(), order.toString(), 1))))).isEmpty();
        assertThat(forwarded()).containsExactly(results().resized(order, "image_url", "channels", GOOD));

        ObjectNode broken = resyncOrder(http.url("/missing.jpg"), null);
        broken.remove("report_failures");
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, broken.toString(), 1))))).isEmpty();
        assertThat(recordOf(mongo, messageId).getString("status")).isEqualTo("failed");
        assertThat(forwarded()).isEmpty();
    }

    @Test
    void aReportFailuresThatIsNotABooleanIsRejected() throws Exception {
        ObjectNode order = resyncOrder(http.url("/good.jpg"), null);
        order.put("report_failures", "yes");
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, order.toString(), 1))))).isEmpty();
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("rejected");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("bad_field");
    }

    /** The resizer's URL base here: no PUBLIC_BASE_URL, so the S3 endpoint and the bucket. */
    private static ResizerResults results() {
        String endpoint = ConfigProvider.getConfig().getValue("quarkus.s3.endpoint-override", String.class);
        return new ResizerResults(endpoint + "/images-ch");
    }

    /** Every result now in the redirect queue, received and deleted. */
    private List<JsonNode> forwarded() {
        String url = sqs.getQueueUrl(b -> b.queueName(REDIRECT)).queueUrl();
        List<JsonNode> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : batch) {
                try {
                    bodies.add(JSON.readTree(m.body()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return bodies;
    }
}
