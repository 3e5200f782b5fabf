package io.mediasync.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mediasync.common.postback.WebhookVerificationException;
import io.mediasync.common.postback.WebhookVerifier;
import io.mediasync.common.sqs.QueueSender;
import io.mediasync.common.sqs.QueueUrls;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.LocalOptions;
import io.mediasync.local.OrderIds;
import io.mediasync.local.ResultUrls;
import io.mediasync.local.Samples;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code ./mediasync demo resize}: starts the stack from template.yaml on free ports with a fresh data
 * directory, serves the bundled sample images on loopback, sends seed 004's example orders (and
 * one the SSRF guard must refuse) with the sending helper, waits for the signed postbacks,
 * verifies them, and says where everything is. Exit status 0 only if every check passed.
 */
final class ResizeDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(3);

    private ResizeDemo() {
    }

    static int run(LocalOptions options, PrintStream out) throws Exception {
        try (HttpFixture web = new HttpFixture(); LocalCloud cloud = LocalCloud.start(options.allowingDownloadsFrom(web.port()), out);
                SqsClient sqs = AwsClients.sqs(cloud.endpoints()); ResultUrls urls = new ResultUrls(cloud)) {
            cloud.printSummary();
            for (String image : Samples.NAMES) {
                web.serve("/images/" + image, Samples.bytes(image), Samples.contentType(image));
            }
            PostbackReceiver postbacks = web.receiver("/postback");
            out.println("==> sample images on " + web.url("/images/") + ", postback receiver on " + web.url("/postback"));

            String queueUrl = cloud.queueUrl("ImageQueue.fifo");
            QueueSender sender = new QueueSender(sqs, new QueueUrls(sqs));
            Map<String, String> sent = new LinkedHashMap<>(); // order id → SQS message id
            for (Map.Entry<String, ObjectNode> order : orders(web).entrySet()) {
                String id = OrderIds.readable(order.getValue().get("_id"));
                String messageId = sender.send(queueUrl, order.getValue().toString(), id, null);
                sent.put(id, messageId);
                out.println("==> sent order " + id + " (" + order.getKey() + ") as SQS message " + messageId);
            }

            out.println("==> waiting for the image-resizer (the first invocation is a JVM cold start)");
            int expected = 2;
            long deadline = System.nanoTime() + WAIT.toNanos();
            int seen = -1;
            while (postbacks.received().size() < expected && System.nanoTime() < deadline) {
                if (postbacks.received().size() != seen) {
                    seen = postbacks.received().size();
                    out.println("    " + seen + "/" + expected + " signed postbacks received");
                }
                Thread.sleep(500);
            }
            return verify(cloud, options, sqs, urls, postbacks, web.url("/postback"), sent, out);
        }
    }

    private static int verify(LocalCloud cloud, LocalOptions options, SqsClient sqs, ResultUrls urls, PostbackReceiver postbacks,
            String receiverUrl, Map<String, String> sent, PrintStream out) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        WebhookVerifier verifier = new WebhookVerifier(cloud.receiverSecrets(receiverUrl));
        List<PostbackReceiver.Received> received = postbacks.received();
        int webps = 0;
        if (received.size() < 2) {
            problems.add("only " + received.size() + " of 2 postbacks arrived within " + WAIT.toMinutes() + " minutes");
        }
        for (PostbackReceiver.Received postback : received) {
            try {
                verifier.verify(postback.headers(), postback.body());
            } catch (WebhookVerificationException e) {
                problems.add("a postback's signature did not verify: " + e.getMessage());
                continue;
            }
            JsonNode result = JSON.readTree(postback.body());
            out.println("==> postback for order " + OrderIds.readable(result.get("_id")) + " (signature verified, webhook-id "
                    + postback.headers().get("webhook-id") + ")");
            for (String field : List.of("image_url_info", "itunes_image_info")) {
                for (JsonNode size : result.path(field)) {
                    String url = size.path("url").asText();
                    long jpegBytes = urls.stored(url).length;
                    out.println("    " + field + " " + url + " (" + jpegBytes + " bytes)");
                    urls.check(url).ifPresent(problems::add);
                    if (size.path("webp").path("url").isTextual()) { // asked for with "formats": ["jpeg", "webp"]
                        String webp = size.path("webp").path("url").asText();
                        long webpBytes = urls.stored(webp).length;
                        out.printf("      webp %s (%d bytes, %d %% of the JPEG)%n", webp, webpBytes, Math.round(100.0 * webpBytes / jpegBytes));
                        urls.check(webp).ifPresent(problems::add);
                        webps++;
                    }
                }
            }
        }
        if (webps == 0) {
            problems.add("the order with \"formats\": [\"jpeg\", \"webp\"] got no WebP rendition");
        }
        String redirectUrl = cloud.queueUrl("ChannelImages");
        List<Message> forwarded = sqs.receiveMessage(b -> b.queueUrl(redirectUrl).maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
        out.println("==> redirect queue ChannelImages holds " + forwarded.size() + " result(s)");
        if (forwarded.size() < 2) {
            problems.add("expected 2 results in ChannelImages, found " + forwarded.size());
        }
        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            var records = mongo.getDatabase(cloud.database().orElseThrow()).getCollection("resize_orders");
            for (Map.Entry<String, String> order : sent.entrySet()) {
                Document record = waitForRecord(records, order.getValue());
                String status = record == null ? "missing" : record.getString("status");
                Document error = record == null ? null : Optional.ofNullable(record.get("error", Document.class)).orElse(null);
                out.println("==> record of order " + order.getKey() + ": " + status + (error == null ? ""
                        : " (" + error.getString("code") + ": " + error.getString("reason") + ")"));
                boolean expectRefusal = order.getKey().equals(SSRF_ORDER);
                if (expectRefusal ? !"failed".equals(status) : !"done".equals(status)) {
                    problems.add("order " + order.getKey() + " ended " + status);
                }
            }
        }
        out.println();
        out.println(ResultUrls.whereToLook(cloud, options, "database " + cloud.database().orElse("?")
                + ", collection resize_orders (one record per order: _id the SQS message id, orderId the order's own _id)"));
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("DEMO FAILED: " + p));
            return 1;
        }
        out.println("DEMO OK: 2 orders resized, stored, recorded, forwarded and posted back with verified signatures, their image"
                + " URLs answering with the stored bytes and type (" + webps + " WebP renditions beside their JPEGs); the order"
                + " aimed at 169.254.169.254 was refused and recorded.");
        return 0;
    }

    private static Document waitForRecord(com.mongodb.client.MongoCollection<Document> records, String messageId)
            throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            Document record = records.find(Filters.eq("_id", messageId)).first();
            if (record != null && !List.of("processing", "retrying").contains(record.getString("status"))) {
                return record;
            }
            Thread.sleep(250);
        }
        return records.find(Filters.eq("_id", messageId)).first();
    }

    private static final String SSRF_ORDER = "demo-ssrf";

    /** Seed 004's two examples, and one aimed at the cloud metadata address, by what they show. */
    private static Map<String, ObjectNode> orders(HttpFixture web) throws IOException {
        Map<String, ObjectNode> orders = new LinkedHashMap<>();
        orders.put("seed 004's example: two images, redirect queue and postback", (ObjectNode) JSON.readTree("""
                {"image_url": "%s", "itunes_image": "%s", "bucket_name": "TEST", "redirect_queue": "ChannelImages",
                 "postback_url": "%s", "_id": {"$oid": "6650b2f1c2a4e93b8f0e4a11"}, "any": "other field"}"""
                .formatted(web.url("/images/channel-cover.jpg"), web.url("/images/itunes-square.jpg"), web.url("/postback"))));
        orders.put("a PNG with alpha, a bucket_name with a space, WebP beside the JPEGs (transparency kept)",
                (ObjectNode) JSON.readTree("""
                {"_id": {"$oid": "6650b2f1c2a4e93b8f0e4a12"}, "image_url": "%s", "bucket_name": "Test Bucket",
                 "redirect_queue": "ChannelImages", "postback_url": "%s", "formats": ["jpeg", "webp"]}"""
                .formatted(web.url("/images/logo-alpha.png"), web.url("/postback"))));
        orders.put("aimed at the cloud metadata address: the SSRF guard must refuse it", (ObjectNode) JSON.readTree("""
                {"_id": "%s", "image_url": "http://169.254.169.254/latest/meta-data/", "postback_url": "%s"}"""
                .formatted(SSRF_ORDER, web.url("/postback"))));
        return orders;
    }
}
