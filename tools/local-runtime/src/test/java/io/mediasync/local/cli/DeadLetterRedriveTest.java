package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.local.Await;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.TestStacks;
import io.mediasync.local.bench.Images;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dead letters made by a real fault, through the real image-resizer package: postbacks answer 500 (two orders) and 503
 * (one) until the fault is fixed; every order ends in ImageQueue-dlq.fifo with its record. {@code dlq list | show}
 * show them, {@code dlq redrive} moves them back (first by reason, then by id, a dry run changing nothing), and each
 * order then ends done exactly once, its postback delivered once, the redrive noted on the dead-lettered record.
 */
class DeadLetterRedriveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static LocalCloud cloud;
    static HttpFixture web;
    static SqsClient sqs;
    static final AtomicBoolean broken = new AtomicBoolean(true);
    static final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        web = new HttpFixture();
        web.serve("/cover.jpg", Images.jpeg(640, 480, 3), "image/jpeg");
        for (int status : new int[] {500, 503}) {
            web.handle("/hook" + status, exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!broken.get()) {
                    delivered.add(JSON.readTree(body).path("_id").asText());
                }
                HttpFixture.respond(exchange, broken.get() ? status : 204, new byte[0], "application/json");
            });
        }
        cloud = TestStacks.start(Files.createTempDirectory("mediasync-dlq"), TestStacks.downloadsFrom(web), "--retry-delay", "PT1S");
        sqs = AwsClients.sqs(cloud.endpoints());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (cloud != null) {
            cloud.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void deadLettersAreShownRedrivenAndEachEndsDoneExactlyOnce() throws Exception {
        String queue = cloud.queueUrl("ImageQueue.fifo");
        String dlq = cloud.queueUrl("ImageQueue-dlq.fifo");
        List<String> orders = List.of("dl-a", "dl-b", "dl-c");
        List<String> messageIds = new ArrayList<>();
        for (String order : orders) {
            String hook = order.equals("dl-c") ? "/hook503" : "/hook500";
            String body = "{\"image_url\":\"" + web.url("/cover.jpg") + "\",\"bucket_name\":\"DLQ\",\"postback_url\":\""
                    + web.url(hook) + "\",\"_id\":\"" + order + "\"}";
            messageIds.add(sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageGroupId(order).messageDeduplicationId(order)).messageId());
        }
        Await.until(() -> attribute(dlq, "ApproximateNumberOfMessages") == 3, Duration.ofSeconds(180));

        Run list = run("dlq", "list");
        assertThat(list.status).isZero();
        assertThat(list.out).containsPattern("ImageQueue-dlq\\.fifo +3 +0 +\\d+s +ImageQueue\\.fifo");

        Run status = run("status");
        assertThat(status.out).containsPattern("ImageQueue\\.fifo +0 +0 +ImageQueue-dlq\\.fifo \\(3  ./mediasync dlq show")
                .containsPattern("mediasync-dev-image-resizer +\\d+ +0 +1 ")
                .contains("unconfigured: set CATALOG_API_URL (--parameter CatalogApiUrl=URL)")
                // the outcomes as the demo sums them: each of the three orders retried 4 times, then dead-lettered (5 receives)
                .contains("outcomes of every message (").containsPattern("mediasync-dev-image-resizer +0 done, 0 rejected, "
                        + "12 retried, 0 timed out, 0 held back, 3 dead-lettered  \\(postback_http_5xx 15\\)");
        Path registry = Files.createTempDirectory("registry"); // as up records itself: a second terminal finds the stack
        RunningStacks.record(cloud, cloud.dataDir(), registry);
        assertThat(ControlClient.of(new String[0], Map.of(), registry).port()).isEqualTo(cloud.httpPort());

        Run show = run("dlq", "show", "ImageQueue-dlq.fifo");
        assertThat(show.out).contains(messageIds).contains("resize_orders").contains("(order dl-a)")
                .contains("status dead_lettered").contains("reason postback_http_500").contains("reason postback_http_503");
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).as("show gives every message back").isEqualTo(3);

        // within SQS's deduplication window the source queue would drop a message sent again with its own dedup id
        Run early = run("dlq", "redrive", "ImageQueue-dlq.fifo", "--all");
        assertThat(early.status).isEqualTo(1);
        assertThat(early.out).contains("within SQS's 5-minute deduplication window").contains("redriven 0, skipped 3");
        assertThat(attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(3);

        broken.set(false); // the fix
        Run byReason = run("dlq", "redrive", "ImageQueue-dlq.fifo", "--reason", "postback_http_500", "--new-dedup-id");
        assertThat(byReason.status).as(byReason.err).isZero();
        assertThat(byReason.out).contains("redriven 2, skipped 0, left 1 not selected");
        Run dry = run("dlq", "redrive", "ImageQueue-dlq.fifo", "--id", "dl-c", "--new-dedup-id", "--dry-run");
        assertThat(dry.out).contains("would redrive " + messageIds.get(2));
        Await.until(() -> attribute(dlq, "ApproximateNumberOfMessages") == 1, Duration.ofSeconds(10));
        Run byId = run("dlq", "redrive", "ImageQueue-dlq.fifo", "--id", messageIds.get(2), "--new-dedup-id");
        assertThat(byId.out).contains("redriven 1, skipped 0, left 0");

        Await.until(() -> delivered.size() >= 3, Duration.ofSeconds(120));
        Await.until(() -> attribute(queue, "ApproximateNumberOfMessages") + attribute(queue, "ApproximateNumberOfMessagesNotVisible") == 0,
                Duration.ofSeconds(30));
        assertThat(attribute(dlq, "ApproximateNumberOfMessages") + attribute(dlq, "ApproximateNumberOfMessagesNotVisible")).isZero();
        // nothing is left on either queue: the postbacks are final
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(orders);
        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            MongoCollection<Document> records = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            for (int i = 0; i < orders.size(); i++) {
                List<Document> all = records.find(Filters.eq("orderId", orders.get(i))).into(new ArrayList<>());
                assertThat(all).filteredOn(d -> "done".equals(d.getString("status"))).as(orders.get(i)).hasSize(1);
                Document dead = records.find(Filters.eq("_id", messageIds.get(i))).first();
                assertThat(dead.getString("status")).isEqualTo("dead_lettered");
                String redrivenAs = dead.getString("redrivenAs");
                assertThat(dead.getList("redrives", Document.class)).singleElement()
                        .satisfies(r -> assertThat(r.getString("to")).isEqualTo("ImageQueue.fifo"));
                assertThat(records.find(Filters.eq("_id", redrivenAs)).first().getString("status")).isEqualTo("done");
            }
        }
        Run done = run("records", "orders", "--status", "done");
        assertThat(done.out).contains("orderId=dl-a", "orderId=dl-b", "orderId=dl-c");
        Run one = run("records", "orders", "--id", "dl-a");
        assertThat(one.out).contains("\"redrivenAs\"").contains("\"status\": \"done\"").contains("\"status\": \"dead_lettered\"");
        assertThat(run("dlq", "show", "ImageQueue-dlq.fifo").out).contains("0 message(s)");
    }

    @Test
    void aMessageNoFunctionRecordedSaysSoAndAStandardDlqRedrivesToo() throws Exception {
        // a result ChannelImages' consumer (not ours) could not take: no function wrote a record of it
        String dlq = cloud.queueUrl("ChannelImages-dlq");
        String id = sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("{\"_id\":\"not-ours\"}")).messageId();
        Run show = run("dlq", "show", "ChannelImages-dlq");
        assertThat(show.out).contains("- message " + id).contains("no record (no function wrote one for this message id)");
        Run back = run("dlq", "redrive", "ChannelImages-dlq", "--id", id);
        assertThat(back.status).as(back.err).isZero();
        assertThat(back.out).contains("redriven " + id + " → ChannelImages as ").contains("(no record to note it in)");
        List<software.amazon.awssdk.services.sqs.model.Message> moved = sqs.receiveMessage(b -> b.queueUrl(cloud.queueUrl("ChannelImages"))
                .waitTimeSeconds(5)).messages();
        assertThat(moved).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"_id\":\"not-ours\"}"));
        sqs.deleteMessage(b -> b.queueUrl(cloud.queueUrl("ChannelImages")).receiptHandle(moved.get(0).receiptHandle()));
    }

    @Test
    void anUnconfiguredCatalogSyncSaysWhatToSetAndAnUnroutedMethodIsNotFound() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + cloud.httpPort();
        var syncall = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/syncall"))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var data = JSON.readTree(syncall.body()).path("data");
        assertThat(data.path("reason").asText()).isEqualTo("not_configured");
        assertThat(data.path("message").asText()).startsWith("CATALOG_API_URL is not set (the template parameter CatalogApiUrl");
        var get = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/syncall")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as("API Gateway routes PATCH only: 404, as the README says").isEqualTo(404);
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("MEDIASYNC_HTTP_PORT", Integer.toString(cloud.httpPort()));
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = switch (args[0]) {
            case "dlq" -> DlqCommand.run(rest, env, o, e);
            case "status" -> StatusCommand.run(rest, env, o, e);
            default -> RecordsCommand.run(rest, env, o, e);
        };
        Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("$ ./mediasync " + String.join(" ", args) + "\n" + run.out + run.err);
        return run;
    }

    private static int attribute(String queueUrl, String name) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings(name))
                .attributesAsStrings().get(name));
    }
}
