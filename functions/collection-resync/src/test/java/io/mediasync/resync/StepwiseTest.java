package io.mediasync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.resync.apply.Applier;
import io.mediasync.resync.apply.ResultParser;
import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.resync.store.StorageRow;
import io.mediasync.testsupport.SqsEventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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

    @Inject
    Applier applier;
    @Inject
    ResultParser parser;

    public static class OnePagePerInvocation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.invocation.max-pages", "1", "mediasync.resync.page-size", "2");
        }
    }


    static final List<Object> IDS_OF_EVERY_TYPE = List.of(-1, 2L, 2.5, "a", "b", new Document("k", 1), new org.bson.types.ObjectId(),
            true, new java.util.Date(0), new org.bson.types.Binary(new byte[] {1, 2}));

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
        assertThat(collection("resync_storage").countDocuments(Filters.eq(StorageRow.DOC_ID, "c2"))).isZero();
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
        ResyncRequest.Response started = startRun("{\"collection\": \"channels\"}");
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
        List<Object> ids = IDS_OF_EVERY_TYPE;
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

    @Test
    void aChannelsImagesReachEpisodesWithIdsOfEveryTypePageByPage() throws Exception {
        seed(1);
        for (Object id : IDS_OF_EVERY_TYPE) {
            collection("episodes").insertOne(new Document("_id", id).append("channel_id", "c1"));
        }
        run("{\"collection\": \"channels\"}");
        settle();
        Object info = collection("channels").find(Filters.eq("_id", "c1")).first().get("image_url_info");
        assertThat(collection("episodes").find().into(new ArrayList<>())).hasSize(IDS_OF_EVERY_TYPE.size())
                .allSatisfy(e -> assertThat(e.get("image_url_info")).as(e.toJson()).isNotNull().isEqualTo(info));
        assertThat(collection("resync_storage").countDocuments()).isZero();
    }

    @Test
    void aResultPassedOnBeyondItsInvocationIsNeitherWrittenAgainNorFinishedByOthersAndGoesOnWhenItsFollowUpIsLost()
            throws Exception {
        seed(1);
        for (int i = 1; i <= 5; i++) {
            collection("episodes").insertOne(new Document("_id", "e" + i).append("channel_id", "c1"));
        }
        String first = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(first, "applying");
        String result = RESIZER.resultFor(takeOrders().get(0));
        applier.apply(parser.parse(result), Deadline.in(Duration.ZERO)); // its deadline has passed: no page of episodes
        Document channel = collection("channels").find(Filters.eq("_id", "c1")).first();
        assertThat(channel.get("image_url_info")).isNotNull();
        assertThat(collection("episodes").countDocuments(Filters.exists("image_url_info"))).isZero();
        assertThat(inheriting("channels|\"c1\"")).containsEntry("seq", 1L);

        applier.apply(parser.parse(result), Deadline.in(Duration.ofMinutes(1))); // delivered again meanwhile
        assertThat(collection("channels").find(Filters.eq("_id", "c1")).first()).as("not written again").isEqualTo(channel);
        assertThat(collection("episodes").countDocuments(Filters.exists("image_url_info"))).isZero();

        String later = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(later, "applying");
        assertThat(collection("resync_storage").countDocuments()).as("the row waits for its walk").isEqualTo(6);
        collection("resync_storage").updateOne(Filters.eq("_id", "channels|\"c1\""), Updates.set("ordered.inheriting.at",
                Date.from(Instant.now().minus(Duration.ofHours(1))))); // two invocations without progress: its follow-up is lost
        String third = startRun("{\"collection\": \"channels\"}").runs().get(0).runId();
        workUntil(third, "applying");

        work(); // the follow-ups: the walk goes on from where it was saved
        assertThat(collection("episodes").find(Filters.exists("image_url_info")).into(new ArrayList<>()))
                .hasSize(5).allSatisfy(e -> assertThat(e.get("image_url_info")).isEqualTo(channel.get("image_url_info")));
        assertThat(collection("resync_storage").countDocuments()).isZero();
        Document run = collection("resync_runs").find(Filters.eq("_id", first)).first();
        assertThat(run.getString("phase")).isEqualTo("completed");
        assertThat(count(run, "inherited")).isEqualTo(5);
        assertThat(count(run, "stale")).isOne();
        assertThat(count(collection("resync_runs").find(Filters.eq("_id", later)).first(), "awaiting")).isOne();
        assertThat(count(collection("resync_runs").find(Filters.eq("_id", third)).first(), "resent")).isOne();
    }

    Document inheriting(String rowKey) {
        return collection("resync_storage").find(Filters.eq("_id", rowKey)).first().get("ordered", Document.class)
                .get("inheriting", Document.class);
    }

    void settleAndCheck(int channels) throws Exception {
        settle();
        assertThat(collection("channels").countDocuments(Filters.exists("image_url_info"))).isEqualTo(channels);
        assertThat(collection("resync_storage").countDocuments()).isZero();
        assertThat(collection("resync_runs").find(Filters.and(Filters.ne("phase", "completed"), Filters.exists("phase"))).into(new ArrayList<>()))
                .as("storage: " + collection("resync_storage").find().into(new ArrayList<>())).isEmpty();
    }
}
