package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.resync.run.ResyncResponse;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One page per invocation (pages of 2): every run goes on through the work queue, so the tests can stop between
 * any two pages: a document deleted between provide and execute, two runs overlapping, a page delivered again
 * after a crash, a collection larger than an invocation.
 */
@QuarkusTest
@TestProfile(StepwiseTest.OnePagePerInvocation.class)
class StepwiseTest extends ResyncTestSupport {

    public static class OnePagePerInvocation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.invocation.max-pages", "1", "mediasync.resync.page-size", "2");
        }
    }


    void seed(int channels) {
        reset("channels", "episodes");
        List<Document> docs = new ArrayList<>();
        for (int i = 1; i <= channels; i++) {
            docs.add(new Document("_id", "c" + i).append("image_url", images.image("/c" + i + ".jpg")));
        }
        collection("channels").insertMany(docs);
    }

    String phase(String runId) {
        return collection("resync_runs").find(Filters.eq("_id", runId)).first().getString("phase");
    }

    /** Follow-ups of the run until it reaches the phase (or has finished its own work: waiting for results or completed). */
    void workUntil(String runId, String phase) throws Exception {
        for (int i = 0; i < 100 && !phase(runId).equals(phase) && List.of("providing", "executing").contains(phase(runId)); i++) {
            assertThat(workOn(runId, 1)).as("a follow-up of " + runId + "; runs: " + collection("resync_runs").find().into(new ArrayList<>()))
                    .isOne();
        }
        assertThat(phase(runId)).isIn(phase, "completed");
    }

    @Test
    void aDocumentDeletedBetweenProvideAndExecuteIsCountedGoneAndNotOrdered() throws Exception {
        seed(3);
        String runId = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(runId, "executing");
        assertThat(collection("resync_storage").countDocuments()).isEqualTo(3);
        collection("channels").deleteOne(Filters.eq("_id", "c2"));
        work();
        List<String> orders = takeOrders();
        assertThat(orders).hasSize(2).noneMatch(o -> o.contains("\"c2\""));
        Document run = collection("resync_runs").find(Filters.eq("_id", runId)).first();
        assertThat(count(run, "gone")).isOne();
        assertThat(count(run, "ordered")).isEqualTo(2);
        assertThat(collection("resync_storage").countDocuments(Filters.eq("doc_id", "c2"))).isZero();
    }

    @Test
    void overlappingRunsOrderEachImageOnceAndBothComplete() throws Exception {
        seed(6);
        String a = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(a, "executing");
        workOn(a, 1); // A orders the first page (c1, c2)
        String b = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(b, "applying"); // B provides everything again and executes every row (A's rows: A completes them)
        workUntil(a, "applying");
        List<String> orders = takeOrders();
        Map<String, Long> perDocument = orders.stream().collect(Collectors.groupingBy(o -> o.replaceAll(".*\"_id\": ?\"(c\\d)\".*", "$1"),
                Collectors.counting()));
        assertThat(perDocument).hasSize(6).allSatisfy((doc, n) -> assertThat(n).as(doc).isOne());

        for (String order : orders) {
            sendResult(RESIZER.resultFor(order));
        }
        applyResults();
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isEqualTo(6);
        assertThat(phase(a)).isEqualTo("completed");
        assertThat(phase(b)).isEqualTo("completed");
        Document runB = collection("resync_runs").find(Filters.eq("_id", b)).first();
        assertThat(collection("resync_runs").find(Filters.eq("_id", "watermark:channels")).first().getDate("to"))
                .isEqualTo(runB.get("watermark", Document.class).getDate("to"));
    }

    @Test
    void aPageDeliveredAgainAfterACrashOrdersNothingTwice() throws Exception {
        seed(2);
        String runId = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(runId, "executing");
        Document before = collection("resync_runs").find(Filters.eq("_id", runId)).first();
        String url = sqs.getQueueUrl(r -> r.queueName(WORK)).queueUrl();
        List<Message> next = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).visibilityTimeout(60)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        String event = SqsEventJson.fromReceived(WORK, next);
        worker.handleRequest(lambdaJson.readValue(event, io.mediasync.common.lambda.SqsEvent.class), null); // orders c1, c2
        assertThat(resize()).hasSize(2);

        // the crash: the invocation died after sending, before noting it; the run record is as the page began
        collection("resync_runs").replaceOne(Filters.eq("_id", runId), before);
        collection("resync_storage").updateMany(Filters.exists("ordered"), Updates.set("ordered.sent", false));
        worker.handleRequest(lambdaJson.readValue(event, io.mediasync.common.lambda.SqsEvent.class), null); // SQS delivers it again
        delete(WORK, next.get(0)); // done now: the event source mapping deletes it
        assertThat(resize()).as("the same orders again are the same messages: FIFO deduplication drops them").isEmpty();
        Document run = collection("resync_runs").find(Filters.eq("_id", runId)).first();
        assertThat(count(run, "resent")).isEqualTo(2);
        work();
        settleAndCheck(2);
    }

    @Test
    void aCollectionLargerThanAnInvocationContinuesThroughTheWorkQueue() throws Exception {
        seed(25);
        ResyncResponse started = startRun("{\"collection\": \"channels\"}");
        assertThat(started.runs().get(0).continues()).isTrue();
        int followUps = work();
        assertThat(followUps).isGreaterThan(25); // 13 pages of "new", 13 of execute, the empty scans
        Document run = collection("resync_runs").find(Filters.eq("_id", started.runs().get(0).runId())).first();
        assertThat(run.getInteger("invocations")).isEqualTo(followUps + 1);
        assertThat(count(run, "provided")).isEqualTo(25);
        assertThat(count(run, "ordered")).isEqualTo(25);
        settleAndCheck(25);
    }

    @Test
    void idsOfEveryTypeArePagedThroughOnceEach() throws Exception {
        reset("channels", "episodes");
        List<Object> ids = List.of(-1, 2L, 2.5, "a", "b", new Document("k", 1), new org.bson.types.ObjectId(), true,
                new java.util.Date(0), new org.bson.types.Binary(new byte[] {1, 2}));
        for (int i = 0; i < ids.size(); i++) {
            collection("channels").insertOne(new Document("_id", ids.get(i)).append("image_url", images.image("/t" + i + ".jpg")));
        }
        run("{\"full\": true, \"collection\": \"channels\"}");
        List<String> orders = takeOrders();
        assertThat(orders).hasSize(ids.size());
        List<String> urls = new ArrayList<>();
        for (String order : orders) {
            urls.add(JSON.readTree(order).path("image_url").asText());
        }
        assertThat(urls).doesNotHaveDuplicates();
    }

    void settleAndCheck(int channels) throws Exception {
        settle();
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isEqualTo(channels);
        assertThat(collection("resync_storage").countDocuments()).isZero();
        assertThat(collection("resync_runs").find(Filters.and(Filters.ne("phase", "completed"), Filters.exists("phase"))).into(new ArrayList<>()))
                .as("storage: " + collection("resync_storage").find().into(new ArrayList<>())).isEmpty();
    }
}
