package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.mediasync.local.bench.Images;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.HttpFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ten slow orders in one FIFO message group, through the real package as the template wires it, with
 * {@code MaxReceiveCount=1}: every receive is the last one, so a single receive burnt without an attempt (an order
 * given back unstarted behind slower ones, as batches of ten did) would send an untried order to the DLQ. Each
 * order is received once, on its group's turn, and done.
 */
class SlowOrdersInOneGroupTest {

    private static final int ORDERS = 10;
    /** Slow enough that ten of them do not fit one 60 s invocation (the resizer keeps 10 s for each next message). */
    private static final long IMAGE_DELAY_MILLIS = 6_000;

    static LocalCloud cloud;
    static HttpFixture web;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("mediasync-slow-group");
        web = new HttpFixture();
        byte[] jpeg = Images.jpeg(640, 480, 7);
        web.handle("/slow.jpg", exchange -> {
            try {
                Thread.sleep(IMAGE_DELAY_MILLIS); // the slow upstream this test is about, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HttpFixture.respond(exchange, 200, jpeg, "image/jpeg");
        });
        cloud = TestStacks.start(data, TestStacks.downloadsFrom(web), "--parameter", "MaxReceiveCount=1");
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
            cloud.close();
        }
    }

    @Test
    void everyOrderOfTheGroupIsDoneOnItsFirstAndOnlyReceive() throws Exception {
        String queue = cloud.queueUrl("ImageQueue.fifo");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String id = "slow-" + i;
            ids.add(id);
            String body = "{\"_id\": \"" + id + "\", \"image_url\": \"" + web.url("/slow.jpg?n=" + i)
                    + "\", \"bucket_name\": \"slow\", \"redirect_queue\": \"ChannelImages\"}";
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageGroupId("one-group").messageDeduplicationId(id));
        }

        try (MongoClient mongo = MongoClients.create(cloud.endpoints().mongo())) {
            MongoCollection<Document> records = mongo.getDatabase("mediasync_dev").getCollection("resize_orders");
            Await.until(() -> records.countDocuments(Filters.and(Filters.in("orderId", ids),
                    Filters.in("status", List.of("done", "dead_lettered", "failed", "rejected")))) == ORDERS, Duration.ofMinutes(4));
            for (String id : ids) {
                Document record = records.find(Filters.eq("orderId", id)).first();
                assertThat(record.getString("status")).as(id).isEqualTo("done");
                assertThat(record.getInteger("receiveCount")).as(id + " received once").isEqualTo(1);
                assertThat(record.getInteger("attempts")).as(id).isEqualTo(1);
            }
        }
        String dlq = cloud.queueUrl("ImageQueue-dlq.fifo");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                .attributesAsStrings().get("ApproximateNumberOfMessages")).isEqualTo("0");
    }
}
