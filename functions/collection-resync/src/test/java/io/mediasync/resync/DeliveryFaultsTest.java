package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.resync.store.StorageRow;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once from end to end: duplicate results, a crash between a document's write and its row's removal,
 * orders lost between execute and apply, a result for a URL that changed since, and results that are not ours.
 */
@QuarkusTest
class DeliveryFaultsTest extends ResyncTestSupport {


    @BeforeEach
    void seed() {
        reset("channels", "episodes");
        collection("channels").insertMany(List.of(new Document("_id", 1).append("image_url", images.image("/one.jpg")),
                new Document("_id", 2).append("image_url", images.image("/two.jpg"))));
        collection("episodes").insertOne(new Document("_id", "ep").append("channel_id", 1));
    }

    @Test
    void duplicateResultsAndACrashBeforeTheRowIsRemovedConverge() throws Exception {
        run("{\"collection\": \"channels\"}");
        List<String> results = new ArrayList<>();
        for (String order : takeOrders()) {
            results.add(RESIZER.resultFor(order));
        }
        Document rowBefore = collection("resync_storage").find(Filters.eq(StorageRow.DOC_ID, 1)).first();
        for (String result : results) {
            sendResult(result);
            sendResult(result); // SQS delivers at least once
        }
        applyResults();
        Document one = doc("channels", 1);
        Document episode = doc("episodes", "ep");
        assertThat(one.get("image_url_info")).isNotNull();
        assertThat(collection("resync_storage").countDocuments()).isZero();

        // a crash after the write, before the row went: the row is still there when the result comes again
        collection("resync_storage").insertOne(rowBefore);
        sendResult(results.get(0).contains("\"_id\":1") ? results.get(0) : results.get(1));
        applyResults();
        // written again (a new "at"), with the same sizes and source: the same state
        assertThat(withoutTimes(doc("channels", 1))).isEqualTo(withoutTimes(one));
        assertThat(withoutTimes(doc("episodes", "ep"))).isEqualTo(withoutTimes(episode));
        assertThat(collection("resync_storage").countDocuments()).isZero();
        Document run = collection("resync_runs").find(Filters.eq("collection", "channels")).first();
        assertThat(count(run, "stale")).isEqualTo(2);
        assertThat(count(run, "applied")).isEqualTo(3); // 2 documents, one written twice (the crash)
    }

    @Test
    void ordersLostBetweenExecuteAndApplyAreOrderedAgainAndConverge() throws Exception {
        ResyncRequest.Response first = run("{\"collection\": \"channels\"}");
        assertThat(takeOrders()).hasSize(2); // lost: the resizer never answers
        assertThat(run(first, 0).getString("phase")).isEqualTo("applying");

        // the next run, before the order timeout: both are still awaited, nothing is ordered twice
        ResyncRequest.Response second = run("{\"collection\": \"channels\"}");
        assertThat(takeOrders()).isEmpty();
        assertThat(count(run(second, 0), "awaiting")).isEqualTo(2);
        assertThat(collection("resync_runs").find(Filters.eq("_id", "watermark:channels")).first()).isNull();

        // past the order timeout (RESYNC_ORDER_TIMEOUT, 6 hours): ordered again, and this time answered
        collection("resync_storage").updateMany(Filters.exists("ordered"), Updates.set("ordered.at", Date.from(Instant.now().minus(Duration.ofHours(7)))));
        ResyncRequest.Response third = run("{\"collection\": \"channels\"}");
        assertThat(count(run(third, 0), "ordered")).isEqualTo(2);
        settle();
        assertThat(doc("channels", 1).get("image_url_info")).isNotNull();
        assertThat(doc("channels", 2).get("image_url_info")).isNotNull();
        assertThat(doc("episodes", "ep").get("image_url_info")).isEqualTo(doc("channels", 1).get("image_url_info"));
        for (ResyncRequest.Response r : List.of(first, second, third)) {
            assertThat(run(r, 0).getString("phase")).isEqualTo("completed");
        }
        assertThat(collection("resync_runs").find(Filters.eq("_id", "watermark:channels")).first().getDate("to"))
                .isEqualTo(run(third, 0).get("watermark", Document.class).getDate("to"));
    }

    @Test
    void ordersThatNeverGetAResultAreRecordedFailedAfterTheLastAttempt() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            run("{\"collection\": \"channels\"}");
            assertThat(takeOrders()).as("attempt " + attempt).hasSize(2);
            collection("resync_storage").updateMany(Filters.exists("ordered"), Updates.set("ordered.at", Date.from(Instant.now().minus(Duration.ofHours(7)))));
        }
        run("{\"collection\": \"channels\"}");
        assertThat(takeOrders()).isEmpty();
        Document resync = doc("channels", 1).get("image_resync", Document.class).get("image_url", Document.class);
        assertThat(resync.getString("status")).isEqualTo("failed");
        assertThat(resync.get("error", Document.class).getString("code")).isEqualTo("no_result");
        assertThat(doc("episodes", "ep").get("image_resync", Document.class).get("image_url", Document.class).getString("status"))
                .isEqualTo("failed");
        assertThat(collection("resync_storage").find().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void aRunWhoseFollowUpWasLostIsResumedByTheNextStart() throws Exception {
        Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
        collection("resync_runs").insertOne(new Document("_id", "channels-lost").append("collection", "channels")
                .append("mode", "incremental").append("trigger", "manual").append("phase", "providing").append("seq", 3L)
                .append("counts", new Document()).append("timings", new Document("startedAt", twoDaysAgo))
                .append("watermark", new Document("from", null).append("to", twoDaysAgo)).append("updatedAt", twoDaysAgo));
        run("{\"collection\": \"channels\"}"); // its start finds the lost run and sends it a follow-up
        settle();
        Document lost = collection("resync_runs").find(Filters.eq("_id", "channels-lost")).first();
        assertThat(lost.getString("phase")).isEqualTo("completed");
        assertThat(lost.get("seq", Number.class).longValue()).isEqualTo(3L);
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isEqualTo(2);
    }

    @Test
    void aResultForAUrlThatChangedSinceIsNotApplied() throws Exception {
        run("{\"collection\": \"channels\"}");
        List<String> orders = takeOrders();
        String newUrl = images.image("/one-new.jpg");
        collection("channels").updateOne(Filters.eq("_id", 1), Updates.combine(Updates.set("image_url", newUrl),
                Updates.set("updatedAt", new Date())));
        for (String order : orders) {
            sendResult(RESIZER.resultFor(order));
        }
        applyResults();
        Document one = doc("channels", 1);
        assertThat(one).doesNotContainKeys("image_url_info", "image_resync"); // the old image's sizes are not written
        assertThat(doc("episodes", "ep")).doesNotContainKey("image_url_info");
        assertThat(collection("resync_storage").countDocuments(Filters.eq(StorageRow.DOC_ID, 1))).isOne(); // still to do

        run("{\"collection\": \"channels\"}");
        List<String> again = takeOrders();
        assertThat(again).hasSize(1).allMatch(o -> o.contains(newUrl));
        for (String order : again) {
            sendResult(RESIZER.resultFor(order));
        }
        applyResults();
        assertThat(doc("channels", 1).get("image_resync", Document.class).get("image_url", Document.class).getString("source_url"))
                .isEqualTo(newUrl);
        assertThat(doc("episodes", "ep").get("image_url_info")).isEqualTo(doc("channels", 1).get("image_url_info"));
        assertThat(collection("resync_storage").countDocuments()).isZero();
        assertThat(collection("resync_runs").countDocuments(Filters.eq("phase", "applying"))).isZero();
    }

    @Test
    void resultsThatAreNotOursAreRecordedAndNeverWritten() throws Exception {
        run("{\"collection\": \"channels\"}");
        String order = takeOrders().get(0);
        ObjectNode forged = (ObjectNode) JSON.readTree(RESIZER.resultFor(order));
        forged.put("resync_token", "guessed");
        sendResult(forged.toString());
        applyResults();
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isZero();

        ObjectNode badInfo = (ObjectNode) JSON.readTree(RESIZER.resultFor(order));
        badInfo.putObject("image_url_info").putObject("50x50").put("url", "javascript:alert(1)").put("bucket_path", "x");
        for (String body : List.of("not json", "{\"image_url\": \"http://127.0.0.1/x.jpg\"}", badInfo.toString())) {
            sendResult(body);
        }
        List<String> codes = new ArrayList<>();
        try {
            applyResults();
        } catch (AssertionError expected) {
            // rejected messages are finished (not given back): the consume loop reports none
        }
        collection("resync_messages").find().forEach(m -> codes.add(m.get("error", Document.class).getString("code")));
        assertThat(codes).containsExactlyInAnyOrder("not_json", "not_a_resync_result", "bad_info");
        assertThat(collection("resync_messages").find().map(m -> m.getString("status")).into(new ArrayList<>())).containsOnly("failed");
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isZero();
    }

    /** The document without the image_resync times. */
    static Document withoutTimes(Document doc) {
        Document copy = Document.parse(doc.toJson());
        Document resync = copy.get("image_resync", Document.class);
        if (resync != null) {
            resync.values().forEach(entry -> ((Document) entry).remove("at"));
        }
        return copy;
    }

    Document doc(String collection, Object id) {
        return collection(collection).find(Filters.eq("_id", id)).first();
    }
}
