package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A message is input, never authority: what an order may make the resizer do with its rights. */
@QuarkusTest
class TrustBoundaryTest extends ResizerTestSupport {

    static HttpFixture http;
    static final AtomicInteger downloads = new AtomicInteger();

    @Inject
    MongoClient mongo;
    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        byte[] jpeg = TestImages.jpeg(300, 200);
        http.handle("/counted.jpg", exchange -> {
            downloads.incrementAndGet();
            HttpFixture.respond(exchange, 200, jpeg, "image/jpeg");
        });
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private String run(ObjectNode order) {
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order.toString(), 1))))).isEmpty();
        return messageId;
    }

    /** s3:// sources are read only for internal orders (OrderOriginTest); their location is checked here. */
    private String runInternal(ObjectNode order) {
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(internalRecord(messageId, order.toString(), 1))))).isEmpty();
        return messageId;
    }

    @Test
    void aResultIsNeverSentToAnInternalQueueEvenIfAnOrderNamesIt() {
        // the confused deputy: a result in the sync-order queue would make the downloader act on the order's url
        PostbackReceiver receiver = http.receiver("/pb-internal");
        String syncOrders = sqs.createQueue(b -> b.queueName("GL_SYNC_HTTP_SOURCE_ORDERS.fifo")
                .attributesWithStrings(java.util.Map.of("FifoQueue", "true"))).queueUrl();
        ObjectNode order = order(http.url("/counted.jpg"), http.url("/pb-internal"));
        order.put("redirect_queue", "GL_SYNC_HTTP_SOURCE_ORDERS.fifo");
        order.put("source_id", 77735).put("url", "https://attacker.example/feed").put("content_path", "portraits/");

        Document record = recordOf(mongo, run(order));

        assertThat(record.getString("status")).isEqualTo("done");
        assertThat(record.get("redirect", Document.class).getString("status")).isEqualTo("not_allowed");
        // the record is written after the decision, and the invocation is over: a send would be in the queue now
        assertThat(sqs.receiveMessage(b -> b.queueUrl(syncOrders).waitTimeSeconds(0)).messages()).isEmpty();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anOrderWhoseOnlyDestinationIsNotAllowedIsRejectedBeforeAnyDownload() {
        int before = downloads.get();
        ObjectNode order = order(http.url("/counted.jpg"), null);
        order.put("redirect_queue", "SomebodyElsesQueue");
        order.put("_id", "not-allowed-1");

        Document record = recordOf(mongo, run(order));

        assertThat(record.getString("status")).isEqualTo("rejected");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("redirect_not_allowed");
        assertThat(record.getString("orderId")).isEqualTo("not-allowed-1");
        assertThat(downloads.get()).isEqualTo(before);
    }

    @Test
    void anInternalOrdersS3SourcesAreReadOnlyFromTheAllowedLocation() {
        bucket("mediasync-content");
        bucket("other-bucket");
        byte[] jpeg = TestImages.jpeg(120, 80);
        s3.putObject(b -> b.bucket("mediasync-content").key("content/ok/a.jpg"), RequestBody.fromBytes(jpeg));
        s3.putObject(b -> b.bucket("mediasync-content").key("private/secret.jpg"), RequestBody.fromBytes(jpeg));
        s3.putObject(b -> b.bucket("other-bucket").key("content/x.jpg"), RequestBody.fromBytes(jpeg));
        http.receiver("/pb-s3");

        assertThat(status(runInternal(order("s3://mediasync-content/content/ok/a.jpg", http.url("/pb-s3"))))).isEqualTo("done");
        for (String url : new String[] {"s3://mediasync-content/private/secret.jpg", "s3://other-bucket/content/x.jpg",
                "s3://mediasync-content/content/../private/secret.jpg", "s3://mediasync-content/contentX/a.jpg"}) {
            Document record = recordOf(mongo, runInternal(order(url, http.url("/pb-s3"))));
            assertThat(record.getString("status")).as(url).isEqualTo("failed");
            assertThat(record.get("error", Document.class).getString("code")).as(url).isEqualTo("s3_not_allowed");
        }
        // inside the allowed location, "missing" and "forbidden" read alike
        Document missing = recordOf(mongo, runInternal(order("s3://mediasync-content/content/ok/none.jpg", http.url("/pb-s3"))));
        assertThat(missing.get("error", Document.class).getString("code")).isEqualTo("s3_not_readable");
    }

    @Test
    void theByteCapHoldsOnAnS3Read() {
        bucket("mediasync-content");
        byte[] big = new byte[5_000_001]; // the test profile's FETCH_MAX_BYTES is 5,000,000
        s3.putObject(b -> b.bucket("mediasync-content").key("content/big.jpg"), RequestBody.fromBytes(big));
        http.receiver("/pb-big");

        Document record = recordOf(mongo, runInternal(order("s3://mediasync-content/content/big.jpg", http.url("/pb-big"))));

        assertThat(record.getString("status")).isEqualTo("failed");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("too_large");
    }

    @Test
    void invalidExtendedJsonIsRejectedBeforeAnyDownload() {
        int before = downloads.get();
        String[] bad = {"{\"$oid\": \"zz\"}", "{\"$date\": \"yesterday\"}", "{\"$numberLong\": \"12x\"}",
            "{\"$binary\": {\"base64\": \"***\", \"subType\": \"00\"}}"};
        for (String value : bad) {
            String body = order(http.url("/counted.jpg"), http.url("/pb-never")).toString()
                    .replaceFirst("\\}$", ", \"_id\": " + value.replace("$", "\\$") + "}");
            String messageId = newId();
            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).isEmpty();
            Document record = recordOf(mongo, messageId);
            assertThat(record.getString("status")).as(value).isEqualTo("rejected");
            assertThat(record.get("error", Document.class).getString("code")).as(value).isEqualTo("bad_extended_json");
        }
        assertThat(downloads.get()).isEqualTo(before);
    }

    @Test
    void validExtendedJsonPassesThroughUntouched() throws Exception {
        PostbackReceiver receiver = http.receiver("/pb-ejson");
        ObjectNode order = order(http.url("/counted.jpg"), http.url("/pb-ejson"));
        order.set("_id", JSON.readTree("{\"$oid\": \"6650b2f1c2a4e93b8f0e4a11\"}"));
        order.set("at", JSON.readTree("{\"$date\": \"2026-11-30T01:00:00Z\"}"));

        assertThat(status(run(order))).isEqualTo("done");
        var result = JSON.readTree(receiver.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(result.get("_id")).isEqualTo(order.get("_id"));
        assertThat(result.get("at")).isEqualTo(order.get("at"));
    }

    @Test
    void nestingDeeperThanMongoDbTakesIsRejected() {
        String deep = "[".repeat(150) + "]".repeat(150);
        String body = order(http.url("/counted.jpg"), http.url("/pb-never")).toString().replaceFirst("\\}$", ", \"deep\": " + deep + "}");
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).isEmpty();
        assertThat(recordOf(mongo, messageId).get("error", Document.class).getString("code")).isEqualTo("too_deeply_nested");
    }

    @Test
    void aReceiverAnswering410GoneIsAPermanentFailure() {
        http.receiver("/pb-gone", 410);
        String messageId = newId();
        String body = order(http.url("/counted.jpg"), http.url("/pb-gone")).toString();

        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).as("not given back").isEmpty();

        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("failed");
        assertThat(record.get("error", Document.class).getString("code")).isEqualTo("postback_http_410");
        assertThat(record.get("postback", Document.class).getInteger("httpStatus")).isEqualTo(410);
        assertThat(record.get("images", Document.class)).containsKey("image_url");
    }

    private void bucket(String name) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
            s3.createBucket(b -> b.bucket(name));
        }
    }

    private String status(String messageId) {
        return recordOf(mongo, messageId).getString("status");
    }
}
