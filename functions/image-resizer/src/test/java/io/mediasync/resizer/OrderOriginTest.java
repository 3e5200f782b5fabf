package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.images.ResizedImageKeys;
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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What an order may do is decided by the queue it came from, never by a field in it: the same body does on the
 * internal queue what it may not on the public one (reading the content bucket, writing under a source's prefix,
 * reaching a queue of system-authored results, reporting failures).
 */
@QuarkusTest
class OrderOriginTest extends ResizerTestSupport {

    static HttpFixture http;
    static final byte[] PHOTO = TestImages.jpeg(320, 240);

    @Inject
    MongoClient mongo;
    @Inject
    SqsClient sqs;
    @Inject
    S3Client s3;

    @BeforeAll
    static void serve() {
        http = new HttpFixture();
        http.serve("/photo.jpg", PHOTO, "image/jpeg");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private String run(ObjectNode order, boolean internal) {
        String id = newId();
        ObjectNode record = internal ? internalRecord(id, order.toString(), 1) : record(id, order.toString(), 1);
        assertThat(failedIds(invoke(SqsEventJson.event(record)))).isEmpty();
        return id;
    }

    private Document error(String messageId) {
        return recordOf(mongo, messageId).get("error", Document.class);
    }

    @Test
    void onlyAnInternalOrderReadsTheContentBucket() {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("mediasync-content"))) {
            s3.createBucket(b -> b.bucket("mediasync-content"));
        }
        s3.putObject(b -> b.bucket("mediasync-content").key("content/private/cover.jpg"),
                RequestBody.fromBytes(TestImages.jpeg(200, 200)));
        ObjectNode order = order("s3://mediasync-content/content/private/cover.jpg", http.url("/pb-s3-origin"));
        http.receiver("/pb-s3-origin");

        String fromPublic = run(order, false);
        assertThat(recordOf(mongo, fromPublic).getString("status")).isEqualTo("rejected");
        assertThat(recordOf(mongo, fromPublic).getString("origin")).isEqualTo("public");
        assertThat(error(fromPublic).getString("code")).isEqualTo("s3_source_not_allowed");
        assertThat(recordOf(mongo, fromPublic).get("images")).as("nothing read").isNull();

        String fromInternal = run(order, true);
        assertThat(recordOf(mongo, fromInternal).getString("status")).isEqualTo("done");
        assertThat(recordOf(mongo, fromInternal).getString("origin")).isEqualTo("internal");
    }

    @Test
    void aQueueOfSystemAuthoredResultsIsNeverReachedByAPublicOrder() {
        String thumbnails = sqs.createQueue(b -> b.queueName("GL_THUMBNAILS_READY")).queueUrl();
        sqs.purgeQueue(b -> b.queueUrl(thumbnails));
        ObjectNode order = order(http.url("/photo.jpg"), null);
        order.put("redirect_queue", "GL_THUMBNAILS_READY").put("source_id", 77735).put("filename", "forged.jpg");

        String alone = run(order, false);
        assertThat(error(alone).getString("code")).isEqualTo("redirect_not_allowed");
        order.put("postback_url", http.url("/pb-thumbs"));
        PostbackReceiver receiver = http.receiver("/pb-thumbs");
        String withPostback = run(order, false);
        assertThat(recordOf(mongo, withPostback).get("redirect", Document.class).getString("status")).isEqualTo("not_allowed");
        assertThat(receiver.received()).hasSize(1);
        // the records are written after the decisions and the invocations are over: a send would be there now
        assertThat(sqs.receiveMessage(b -> b.queueUrl(thumbnails).waitTimeSeconds(0)).messages()).isEmpty();

        String internal = run(order, true);
        assertThat(recordOf(mongo, internal).get("redirect", Document.class).getString("status")).isEqualTo("sent");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(thumbnails).waitTimeSeconds(1)).messages()).hasSize(1);
    }

    @Test
    void aPublicOrderCannotWriteUnderABucketNameReservedForTheSystem() {
        for (String reserved : new String[] {"source-725", "channels", "episodes"}) {
            ObjectNode order = order(http.url("/photo.jpg"), http.url("/pb-never"));
            order.put("bucket_name", reserved);
            String id = run(order, false);
            assertThat(error(id).getString("code")).as(reserved).isEqualTo("reserved_bucket_name");
            assertThat(stored(reserved)).as(reserved).isEmpty();
        }
        ObjectNode internal = order(http.url("/photo.jpg"), null);
        internal.put("bucket_name", "source-725").put("redirect_queue", "ChannelImages");
        assertThat(recordOf(mongo, run(internal, true)).getString("status")).isEqualTo("done");
        assertThat(stored("source-725")).hasSize(3);
    }

    /** This test's photo's renditions under a bucket name (other tests store other images under the same names). */
    private List<String> stored(String bucketName) {
        String imageId = ResizedImageKeys.imageId(Sha256.hex(PHOTO));
        return s3.listObjectsV2(b -> b.bucket("images-ch").prefix("images-resized/" + bucketName + "/")).contents().stream()
                .map(o -> o.key()).filter(k -> k.contains(imageId)).toList();
    }

    @Test
    void reportFailuresHasNoEffectOnAPublicOrder() throws Exception {
        PostbackReceiver receiver = http.receiver("/pb-report");
        ObjectNode order = order(http.url("/missing.jpg"), http.url("/pb-report"));
        order.put("report_failures", true);

        String fromPublic = run(order, false);
        assertThat(recordOf(mongo, fromPublic).getString("status")).isEqualTo("failed");
        assertThat(recordOf(mongo, fromPublic).get("postback")).as("as the seed: nothing delivered").isNull();

        String fromInternal = run(order, true);
        assertThat(recordOf(mongo, fromInternal).getString("status")).isEqualTo("failed");
        var delivered = JSON.readTree(receiver.await(1, Duration.ofSeconds(5)).get(0).body());
        assertThat(delivered.get("image_url_error").get("code").asText()).isEqualTo("http_404");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void theSameBodyOnBothQueuesIsTwoOrdersNotADuplicate() {
        ObjectNode order = order(http.url("/photo.jpg"), null);
        order.put("redirect_queue", "ChannelImages").put("_id", "same-body-" + newId());

        String first = run(order, true);
        String second = run(order, false);

        assertThat(recordOf(mongo, first).getString("status")).isEqualTo("done");
        assertThat(recordOf(mongo, second).getString("status")).isEqualTo("done");
        assertThat(recordOf(mongo, second).get("duplicateOf")).isNull();
        assertThat(recordOf(mongo, second).getString("orderKey")).isNotEqualTo(recordOf(mongo, first).getString("orderKey"));
    }
}
