package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.postback.ReceiverSecrets;
import io.mediasync.common.postback.WebhookVerificationException;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.resizer.store.OrderRecord;
import io.mediasync.testsupport.TestImages;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Seed 004's example order, end to end: SQS FIFO → download → resize → S3 → Mongo → redirect queue
 * + signed postback. Run against the devstack ({@link ImageResizerFlowTest}) and against LocalStack
 * ({@link LocalStackFlowTest}).
 */
abstract class AbstractFlowTest extends ResizerTestSupport {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static HttpFixture http;

    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;
    @Inject
    MongoClient mongo;

    @BeforeAll
    static void serveImages() {
        http = new HttpFixture();
        http.serve("/img.jpg", TestImages.jpeg(1200, 900), "image/jpeg");
        http.serve("/itunes.jpg", TestImages.jpeg(640, 1280), "application/octet-stream");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void seedOrderIsResizedStoredRecordedForwardedAndPostedBack() throws Exception {
        PostbackReceiver receiver = http.receiver("/postback-happy");
        ObjectNode order = JSON.createObjectNode();
        order.put("image_url", http.url("/img.jpg"));
        order.put("itunes_image", http.url("/itunes.jpg"));
        order.put("bucket_name", "TEST");
        order.put("redirect_queue", "ChannelImages");
        order.put("postback_url", http.url("/postback-happy"));
        order.set("_id", JSON.readTree("{\"$oid\":\"6650b2f1c2a4e93b8f0e4a11\"}"));
        order.put("any", "other field");

        // sent with the sending helper, received from the real FIFO queue, handed over as Lambda would
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(ORDERS_FIFO)).queueUrl();
        new QueueSender(sqs, new QueueUrls(sqs)).send(queueUrl, order.toString(), "channel-42", null);
        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).waitTimeSeconds(2)).messages();
        assertThat(received).hasSize(1);
        JsonNode answer = invoke(SqsEventJson.fromReceived(ORDERS_FIFO, received));
        assertThat(failedIds(answer)).isEmpty();

        // the signed postback: verifiable, the whole order untouched plus the two *_info fields
        List<PostbackReceiver.Received> posts = receiver.await(1, Duration.ofSeconds(5));
        assertThat(posts).hasSize(1);
        // signed with this receiver's own secret (derived from the master secret and its origin), not the master
        ReceiverSecrets secrets = new ReceiverSecrets(SECRET);
        new WebhookVerifier(secrets.secretsFor(URI.create(http.url("/postback-happy")))).verify(posts.get(0).headers(),
                posts.get(0).body());
        assertThatThrownBy(() -> new WebhookVerifier(List.of(SECRET)).verify(posts.get(0).headers(), posts.get(0).body()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new WebhookVerifier(secrets.secretsFor(URI.create("https://other-receiver.example/hook")))
                .verify(posts.get(0).headers(), posts.get(0).body())).isInstanceOf(WebhookVerificationException.class);
        JsonNode result = JSON.readTree(posts.get(0).body());
        order.fieldNames().forEachRemaining(f -> assertThat(result.get(f)).as(f).isEqualTo(order.get(f)));
        assertThat(result.has("postback_secret_key")).isFalse();
        for (String field : List.of("image_url_info", "itunes_image_info")) {
            JsonNode info = result.get(field);
            assertThat(info).as(field).isNotNull();
            assertThat(iterable(info.fieldNames())).containsExactly("50x50", "250x250", "800x800");
            info.forEach(size -> {
                assertThat(iterable(size.fieldNames())).as("no formats asked: the seed's fields only")
                        .containsExactly("url", "bucket_path");
                assertThat(size.path("bucket_path").asText()).isEqualTo("images-resized/TEST/");
                assertThat(size.path("url").asText()).matches(".*/images-ch/images-resized/TEST/[0-9a-f]{32}_\\d+x\\d+\\.jpeg");
            });
        }

        // S3: the objects exist, are JPEGs of the right size, with the right headers
        assertSize(result, "image_url_info", "800x800", 800, 600);
        assertSize(result, "image_url_info", "250x250", 250, 188);
        assertSize(result, "image_url_info", "50x50", 50, 38);
        assertSize(result, "itunes_image_info", "800x800", 400, 800);
        String key = key(result, "image_url_info", "800x800");
        var head = s3.headObject(b -> b.bucket("images-ch").key(key));
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.cacheControl()).contains("max-age=");

        // the redirect queue got the same result
        String redirectUrl = sqs.getQueueUrl(b -> b.queueName("ChannelImages")).queueUrl();
        List<Message> forwarded = sqs.receiveMessage(b -> b.queueUrl(redirectUrl).waitTimeSeconds(2)).messages();
        assertThat(forwarded).hasSize(1);
        assertThat(JSON.readTree(forwarded.get(0).body())).isEqualTo(result);

        // the Mongo record tells the whole story
        Document record = recordOf(mongo, received.get(0).messageId());
        assertThat(record.getString("status")).isEqualTo("done");
        assertThat(record.getString("orderId")).isEqualTo("6650b2f1c2a4e93b8f0e4a11");
        assertThat(record.getInteger("attempts")).isEqualTo(1);
        Document image = record.get("images", Document.class).get("image_url", Document.class);
        assertThat(image.getString("format")).isEqualTo("jpeg");
        assertThat(image.getInteger("width")).isEqualTo(1200);
        assertThat(image.getInteger("height")).isEqualTo(900);
        assertThat(image.getString("sha256")).hasSize(64);
        assertThat(image.get("bytes", Number.class).longValue()).isPositive();
        assertThat(image.get("outputs", Document.class).keySet()).containsExactly("50x50", "250x250", "800x800");
        assertThat(image.get("timingsMs", Document.class)).containsKeys("download", "process", "upload", "total");
        assertThat(record.get("postback", Document.class).getString("status")).isEqualTo("delivered");
        assertThat(record.get("redirect", Document.class).getString("status")).isEqualTo("sent");
        assertThat(record.get("completedAt")).isNotNull();
        // and the function reads it back typed, through the collection's codec
        OrderRecord typed = OrderRecord.CODEC.typed(records(mongo)).find(Filters.eq("_id", record.getString("_id"))).first();
        assertThat(typed).isEqualTo(OrderRecord.read(record));
        assertThat(typed.status()).isEqualTo(RecordStatus.DONE);
        assertThat(typed.origin()).isEqualTo("public");
        assertThat(typed.redirect().messageId()).isEqualTo(forwarded.get(0).messageId());
        assertThat(typed.postback()).isEqualTo(OrderRecord.Postback.delivered(http.url("/postback-happy"), 200, typed.postback().at()));
        assertThat(typed.totalMs()).isNotNull();
    }

    @Test
    void fifoRedirectQueueGetsGroupAndDedupIds() throws Exception {
        ObjectNode order = order(http.url("/img.jpg"), null);
        order.put("redirect_queue", "ChannelResults.fifo");
        String messageId = newId();
        JsonNode answer = invoke(SqsEventJson.event(record(messageId, order.toString(), 1)));
        assertThat(failedIds(answer)).isEmpty();
        String url = sqs.getQueueUrl(b -> b.queueName("ChannelResults.fifo")).queueUrl();
        List<Message> forwarded = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "group-1")
                .containsKey("MessageDeduplicationId");
        assertThat(JSON.readTree(forwarded.get(0).body()).has("image_url_info")).isTrue();
    }

    @Test
    void missingRedirectQueueIsRecordedAndPostbackStillSent() throws Exception {
        PostbackReceiver receiver = http.receiver("/postback-noqueue");
        ObjectNode order = order(http.url("/img.jpg"), http.url("/postback-noqueue"));
        order.put("redirect_queue", "NoSuchQueue");
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order.toString(), 1))))).isEmpty();
        assertThat(receiver.await(1, Duration.ofSeconds(5))).hasSize(1);
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("done");
        assertThat(record.get("redirect", Document.class).getString("status")).isEqualTo("queue_not_found");
    }

    private void assertSize(JsonNode result, String field, String label, int width, int height) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket("images-ch").key(key(result, field, label))).asByteArray();
        BufferedImage image = TestImages.decode(bytes);
        assertThat(image).as(field + " " + label).isNotNull();
        assertThat(image.getWidth()).as(field + " " + label + " width").isEqualTo(width);
        assertThat(image.getHeight()).as(field + " " + label + " height").isEqualTo(height);
    }

    private static String key(JsonNode result, String field, String label) {
        String url = result.path(field).path(label).path("url").asText();
        return url.substring(url.indexOf("images-resized/"));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
