package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.local.bench.Images;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.emf.EmfLines;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real image-resizer package run by the local runtime from template.yaml: orders sent with the
 * plain AWS SDK reach it through the event source mapping; results land in S3, Mongo, the redirect
 * queue and a signed postback; a poison message ends in the DLQ after maxReceiveCount. Each also checks the EMF
 * lines the package wrote to its log (as Lambda would send them to CloudWatch) for what it did.
 */
class LocalRuntimeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Function dimension: AWS_LAMBDA_FUNCTION_NAME, as the template names it for Stage=dev. */
    private static final String F = "mediasync-dev-image-resizer";
    private static final byte[] COVER = Images.jpeg(1200, 800, 1);
    static LocalCloud cloud;
    static HttpFixture web;
    static SqsClient sqs;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("mediasync-local");
        web = new HttpFixture();
        cloud = TestStacks.start(data, TestStacks.downloadsFrom(web), "--retry-delay", "PT1S");
        web.serve("/cover.jpg", COVER, "image/jpeg");
        sqs = AwsClients.sqs(cloud.endpoints());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (web != null) {
            web.close();
        }
        if (cloud != null) {
            System.out.println("local runtime: ready in " + cloud.readyMillis() + " ms; cold starts " + cloud.functions().entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue().lastColdStartMillis() + "ms").toList());
            cloud.close();
        }
    }

    @Test
    void theGeneratedPostbackSecretIsReadableByItsOwnerOnly() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postback-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void orderSentWithThePlainSdkGoesThroughTheWholePipeline() throws Exception {
        PostbackReceiver receiver = web.receiver("/ok");
        String body = "{\"image_url\":\"" + web.url("/cover.jpg") + "\",\"bucket_name\":\"E2E\",\"redirect_queue\":\"ChannelImages\","
                + "\"postback_url\":\"" + web.url("/ok") + "\",\"_id\":\"e2e-1\"}";
        String queueUrl = cloud.queueUrl("ImageQueue.fifo");
        long logOffset = logSize();
        String messageId = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageGroupId("e2e")
                .messageDeduplicationId("e2e-1")).messageId();

        List<PostbackReceiver.Received> posts = receiver.await(1, Duration.ofSeconds(90));
        assertThat(posts).hasSize(1);
        new WebhookVerifier(cloud.receiverSecrets(web.url("/ok"))).verify(posts.get(0).headers(), posts.get(0).body());
        JsonNode result = JSON.readTree(posts.get(0).body());
        String url = result.path("image_url_info").path("800x800").path("url").asText();
        assertThat(url).startsWith(cloud.imagesUrl() + "/images-resized/E2E/"); // PUBLIC_BASE_URL: the local image server

        try (S3Client s3 = AwsClients.s3(cloud.endpoints())) {
            byte[] jpeg = s3.getObjectAsBytes(b -> b.bucket("images-ch").key(url.substring(url.indexOf("images-resized/")))).asByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(533);
            // the URL in the result opens, as in a browser, with exactly the stored bytes
            HttpResponse<byte[]> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(opened.body()).isEqualTo(jpeg);
        }
        List<Message> forwarded = sqs.receiveMessage(b -> b.queueUrl(cloud.queueUrl("ChannelImages")).waitTimeSeconds(5)).messages();
        assertThat(forwarded).hasSize(1);
        assertThat(JSON.readTree(forwarded.get(0).body())).isEqualTo(result);
        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            Document record = records(mongo).find(Filters.eq("_id", messageId)).first();
            assertThat(record).isNotNull();
            assertThat(record.getString("status")).isEqualTo("done");
        }
        // the message was deleted from the queue once the function succeeded
        Await.until(() -> attribute(queueUrl, "ApproximateNumberOfMessagesNotVisible") == 0, Duration.ofSeconds(10));
        assertThat(attribute(queueUrl, "ApproximateNumberOfMessages")).isZero();

        Await.until(() -> emf(logOffset).sum("Done", F) == 1, Duration.ofSeconds(10)); // written as the invocation ends
        EmfLines metrics = emf(logOffset);
        assertThat(metrics.values("BytesIn", Map.of("Function", F))).containsExactly((double) COVER.length);
        assertThat(metrics.sum("PostbackAttempts", Map.of("Function", F, "StatusClass", "2xx"))).isEqualTo(1);
        assertThat(metrics.sum("Rejected", F) + metrics.sum("Retried", F) + metrics.sum("DeadLettered", F)).isZero();
    }

    @Test
    void orderWithWebpGetsWebpRenditionsBesideTheJpegsServedAsImageWebp() throws Exception {
        PostbackReceiver receiver = web.receiver("/webp");
        String body = "{\"image_url\":\"" + web.url("/cover.jpg") + "\",\"bucket_name\":\"E2E-WEBP\",\"formats\":[\"jpeg\",\"webp\"],"
                + "\"postback_url\":\"" + web.url("/webp") + "\",\"_id\":\"e2e-webp\"}";
        sqs.sendMessage(b -> b.queueUrl(cloud.queueUrl("ImageQueue.fifo")).messageBody(body).messageGroupId("e2e-webp")
                .messageDeduplicationId("e2e-webp"));

        JsonNode result = JSON.readTree(receiver.await(1, Duration.ofSeconds(90)).get(0).body());
        // the 1200x800 cover in each box, WebP and JPEG alike
        int[][] expected = {{50, 33}, {250, 167}, {800, 533}};
        String[] labels = {"50x50", "250x250", "800x800"};
        try (S3Client s3 = AwsClients.s3(cloud.endpoints())) {
            for (int i = 0; i < labels.length; i++) {
                JsonNode size = result.path("image_url_info").path(labels[i]);
                String jpegUrl = size.path("url").asText();
                String webpUrl = size.path("webp").path("url").asText();
                assertThat(webpUrl).isEqualTo(jpegUrl.replaceFirst("\\.jpeg$", ".webp")).startsWith(cloud.imagesUrl() + "/images-resized/E2E-WEBP/");
                String key = webpUrl.substring(webpUrl.indexOf("images-resized/"));
                var stored = s3.getObjectAsBytes(b -> b.bucket("images-ch").key(key));
                assertThat(stored.response().contentType()).isEqualTo("image/webp");
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored.asByteArray()));
                assertThat(new int[] {image.getWidth(), image.getHeight()}).as(labels[i]).isEqualTo(expected[i]);
                HttpResponse<byte[]> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webpUrl)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/webp");
                assertThat(opened.body()).isEqualTo(stored.asByteArray());
            }
        }
    }

    @Test
    void poisonMessageEndsInTheDlqAfterMaxReceiveCountWithItsReasonRecorded() throws Exception {
        web.receiver("/always-500", 500);
        String body = "{\"image_url\":\"" + web.url("/cover.jpg") + "\",\"postback_url\":\"" + web.url("/always-500") + "\",\"_id\":\"poison\"}";
        long logOffset = logSize();
        String messageId = sqs.sendMessage(b -> b.queueUrl(cloud.queueUrl("ImageQueue.fifo")).messageBody(body)
                .messageGroupId("poison").messageDeduplicationId("poison-1")).messageId();
        String dlq = cloud.queueUrl("ImageQueue-dlq.fifo");
        Await.until(() -> attribute(dlq, "ApproximateNumberOfMessages") == 1, Duration.ofSeconds(120));
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(2)).messages();
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(body));
        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            Document record = records(mongo).find(Filters.eq("_id", messageId)).first();
            assertThat(record.getString("status")).isEqualTo("dead_lettered");
            assertThat(record.getInteger("attempts")).isEqualTo(5);
            assertThat(record.get("lastError", Document.class).getString("code")).isEqualTo("postback_http_500");
        }
        // four receives given back, the fifth dead-lettered, each under the bounded reason; five POSTs answered 5xx
        Map<String, String> reason = Map.of("Function", F, "Reason", "postback_http_5xx");
        Await.until(() -> emf(logOffset).sum("DeadLettered", reason) == 1, Duration.ofSeconds(10));
        EmfLines metrics = emf(logOffset);
        assertThat(metrics.sum("Retried", reason)).isEqualTo(4);
        assertThat(metrics.sum("PostbackAttempts", Map.of("Function", F, "StatusClass", "5xx"))).isEqualTo(5);
        assertThat(metrics.sum("Done", F)).isZero();
    }

    @Test
    void invokeCommandRunsTheFunctionOnceWithAnEventFile() throws Exception {
        String event = "{\"Records\":[]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + cloud.httpPort() + "/_mediasync/invoke/image-resizer"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("batchItemFailures").isArray()).isTrue();
    }

    private static com.mongodb.client.MongoCollection<Document> records(MongoClient mongo) {
        return mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
    }

    private static int attribute(String queueUrl, String name) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings(name))
                .attributesAsStrings().get(name));
    }



    private static Path functionLog() {
        return data.resolve("logs").resolve(F + ".log");
    }

    private static long logSize() throws java.io.IOException {
        return Files.exists(functionLog()) ? Files.size(functionLog()) : 0;
    }

    /** The function's EMF lines written since {@code offset}, each validated as CloudWatch would read it. */
    private static EmfLines emf(long offset) {
        return EmfLines.ofFile(functionLog(), offset);
    }
}
