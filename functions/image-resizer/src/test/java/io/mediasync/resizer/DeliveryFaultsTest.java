package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.PostbackReceiver;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** At-least-once delivery without double work: retries, redeliveries, repeats, and FIFO's stop-at-first-failure. */
@QuarkusTest
class DeliveryFaultsTest extends ResizerTestSupport {

    static HttpFixture http;

    @Inject
    MongoClient mongo;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        http.serve("/a.jpg", TestImages.jpeg(300, 200), "image/jpeg");
        http.serve("/b.jpg", TestImages.jpeg(200, 300), "image/jpeg");
        http.serve("/c.jpg", TestImages.jpeg(320, 320), "image/jpeg");
        http.status("/down.jpg", 503);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void postbackAnswering500ThenSucceedsOnRetryWithOneRecord() throws Exception {
        PostbackReceiver receiver = http.receiver("/flaky", 500, 200);
        String messageId = newId();
        String body = order(http.url("/a.jpg"), http.url("/flaky")).toString();

        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).containsExactly(messageId);
        Document first = recordOf(mongo, messageId);
        assertThat(first.getString("status")).isEqualTo("retrying");
        assertThat(first.get("lastError", Document.class).getString("code")).isEqualTo("postback_http_500");
        Document imagesAfterFirst = first.get("images", Document.class);

        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 2))))).isEmpty();
        List<PostbackReceiver.Received> posts = receiver.await(2, Duration.ofSeconds(5));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).headers().get("webhook-id")).isEqualTo(posts.get(0).headers().get("webhook-id"));

        Document done = recordOf(mongo, messageId);
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getInteger("attempts")).isEqualTo(2);
        assertThat(done.get("images", Document.class)).as("images made once, not again on the retry").isEqualTo(imagesAfterFirst);
        assertThat(records(mongo).countDocuments(Filters.eq("orderKey", done.getString("orderKey")))).isEqualTo(1);
    }

    @Test
    void duplicateDeliveryIsNotProcessedTwice() throws Exception {
        PostbackReceiver receiver = http.receiver("/dup");
        String messageId = newId();
        String event = SqsEventJson.event(record(messageId, order(http.url("/b.jpg"), http.url("/dup")).toString(), 1));
        assertThat(failedIds(invoke(event))).isEmpty();
        assertThat(failedIds(invoke(event))).isEmpty();
        // postbacks are sent before the invocation answers: a second one would be here by now
        assertThat(receiver.received()).hasSize(1);
        assertThat(recordOf(mongo, messageId).getInteger("attempts")).isEqualTo(1);
    }

    @Test
    void sameOrderAgainWithinTheWindowIsNotResizedOrPostedBackAgain() throws Exception {
        PostbackReceiver receiver = http.receiver("/again");
        ObjectNode order = order(http.url("/c.jpg"), http.url("/again"));
        order.put("_id", "again-1");
        String first = newId();
        String second = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(first, order.toString(), 1))))).isEmpty();
        assertThat(failedIds(invoke(SqsEventJson.event(record(second, order.toString(), 1))))).isEmpty();
        assertThat(receiver.received()).hasSize(1);
        Document repeat = recordOf(mongo, second);
        assertThat(repeat.getString("status")).isEqualTo("done");
        assertThat(repeat.getString("duplicateOf")).isEqualTo(first);
        assertThat(repeat.get("result")).isEqualTo(recordOf(mongo, first).get("result"));
    }

    @Test
    void sameBytesInAnotherOrderReuseTheStoredImages() throws Exception {
        http.receiver("/reuse");
        ObjectNode order = order(http.url("/a.jpg"), http.url("/reuse"));
        order.put("_id", "reuse-" + newId());
        String messageId = newId();
        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, order.toString(), 1))))).isEmpty();
        Document image = recordOf(mongo, messageId).get("images", Document.class).get("image_url", Document.class);
        // a.jpg was resized by an earlier test or not; either way a second order for it must reuse
        String again = newId();
        order.put("_id", "reuse-" + newId());
        assertThat(failedIds(invoke(SqsEventJson.event(record(again, order.toString(), 1))))).isEmpty();
        Document reused = recordOf(mongo, again).get("images", Document.class).get("image_url", Document.class);
        assertThat(reused.getBoolean("reused")).isTrue();
        assertThat(reused.get("outputs")).isEqualTo(image.get("outputs"));
    }

    @Test
    void fifoFailureHoldsBackOnlyItsOwnGroup() {
        http.receiver("/groups");
        String a1 = newId(), b1 = newId(), a2 = newId(), c1 = newId(), b2 = newId(), a3 = newId();
        JsonNode answer = invoke(SqsEventJson.event(
                SqsEventJson.record(ORDERS_FIFO, a1, order(http.url("/a.jpg"), http.url("/groups")).put("_id", "g-a1").toString(), 1, "A"),
                SqsEventJson.record(ORDERS_FIFO, b1, order(http.url("/down.jpg"), http.url("/groups")).put("_id", "g-b1").toString(), 1, "B"),
                SqsEventJson.record(ORDERS_FIFO, a2, order(http.url("/b.jpg"), http.url("/groups")).put("_id", "g-a2").toString(), 1, "A"),
                SqsEventJson.record(ORDERS_FIFO, c1, order(http.url("/c.jpg"), http.url("/groups")).put("_id", "g-c1").toString(), 1, "C"),
                SqsEventJson.record(ORDERS_FIFO, b2, order(http.url("/a.jpg"), http.url("/groups")).put("_id", "g-b2").toString(), 1, "B"),
                SqsEventJson.record(ORDERS_FIFO, a3, order(http.url("/c.jpg"), http.url("/groups")).put("_id", "g-a3").toString(), 1, "A")));

        assertThat(failedIds(answer)).containsExactly(b1, b2);
        for (String done : List.of(a1, a2, c1, a3)) {
            assertThat(recordOf(mongo, done).getString("status")).as(done).isEqualTo("done");
        }
        assertThat(recordOf(mongo, b1).get("lastError", Document.class).getString("code")).isEqualTo("http_503");
        assertThat(records(mongo).find(Filters.eq("_id", b2)).first()).as("held back behind b1, not started").isNull();
    }

    @Test
    void fifoBatchStopsAtTheFirstFailureOfAGroupAndReturnsTheRestOfIt() {
        http.receiver("/fifo");
        String ok = newId(), bad = newId(), after = newId();
        JsonNode answer = invoke(SqsEventJson.event(
                record(ok, order(http.url("/a.jpg"), http.url("/fifo")).put("_id", "f1").toString(), 1),
                record(bad, order(http.url("/down.jpg"), http.url("/fifo")).put("_id", "f2").toString(), 1),
                record(after, order(http.url("/b.jpg"), http.url("/fifo")).put("_id", "f3").toString(), 1)));
        assertThat(failedIds(answer)).containsExactly(bad, after);
        assertThat(recordOf(mongo, ok).getString("status")).isEqualTo("done");
        assertThat(records(mongo).find(Filters.eq("_id", after)).first()).as("not even started").isNull();
    }

    @Test
    void standardQueueBatchReportsOnlyTheFailedMessage() {
        http.receiver("/std");
        String ok = newId(), bad = newId(), after = newId();
        JsonNode answer = invoke(SqsEventJson.event(
                SqsEventJson.record("ImageQueue", ok, order(http.url("/a.jpg"), http.url("/std")).put("_id", "s1").toString(), 1, null),
                SqsEventJson.record("ImageQueue", bad, order(http.url("/down.jpg"), http.url("/std")).put("_id", "s2").toString(), 1, null),
                SqsEventJson.record("ImageQueue", after, order(http.url("/b.jpg"), http.url("/std")).put("_id", "s3").toString(), 1, null)));
        assertThat(failedIds(answer)).containsExactly(bad);
        assertThat(recordOf(mongo, after).getString("status")).isEqualTo("done");
    }
}
