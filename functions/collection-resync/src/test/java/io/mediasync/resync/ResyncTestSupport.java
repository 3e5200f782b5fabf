package io.mediasync.resync;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.testsupport.QueueDrain;
import io.mediasync.testsupport.SqsEventJson;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Drives the three handlers as Lambda would: the start handler with a request, the worker and apply handlers with
 * SQS events built from messages really received from the devstack's queues (deleted after success, as the event
 * source mapping does), and {@link FakeResizer} between the resize queue and the results queue.
 */
abstract class ResyncTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RESIZE = "InternalImageQueue.fifo";
    static final String RESULTS = "GL_RESYNC_RESULTS";
    static final String WORK = "GL_RESYNC_WORK.fifo";
    static final FakeResizer RESIZER = new FakeResizer();
    /** The images the tests' documents point at, on a loopback server. */
    static ImageHost images;

    @Inject
    SqsClient sqs;
    @Inject
    MongoClient mongo;
    @Inject
    ObjectMapper lambdaJson;
    @Inject
    @Named("collection-resync")
    RequestHandler<ResyncRequest, ResyncRequest.Response> start;
    @Inject
    @Named("collection-resync-worker")
    RequestHandler<SqsEvent, SqsBatchResponse> worker;
    @Inject
    @Named("collection-resync-apply")
    RequestHandler<SqsEvent, SqsBatchResponse> apply;

    @BeforeAll
    static void serveImages() {
        images = new ImageHost();
    }

    @AfterAll
    static void stopImages() {
        images.close();
    }

    MongoDatabase db() {
        return mongo.getDatabase(ConfigProvider.getConfig().getValue("mediasync.mongo.database", String.class));
    }

    MongoCollection<Document> collection(String name) {
        return db().getCollection(name);
    }

    /** Empty collections and queues (the indexes stay). */
    void reset(String... collections) {
        for (String name : collections) {
            collection(name).deleteMany(new Document());
        }
        for (String name : List.of("resync_storage", "resync_runs", "resync_messages")) {
            collection(name).deleteMany(new Document());
        }
        for (String queue : List.of(RESIZE, RESULTS, WORK)) {
            takeAll(queue);
        }
    }

    ResyncRequest.Response startRun(String requestJson) throws Exception {
        return start.handleRequest(lambdaJson.readValue(requestJson, ResyncRequest.class), null);
    }

    /** Starts a run and lets it continue through the work queue until nothing is left there. */
    ResyncRequest.Response run(String requestJson) throws Exception {
        ResyncRequest.Response response = startRun(requestJson);
        work();
        return response;
    }

    /** Every follow-up message of the work queue handed to the worker, until the queue is empty. @return handled */
    int work() throws Exception {
        return consume(WORK, worker, Integer.MAX_VALUE);
    }

    /** At most {@code n} follow-up messages. */
    int work(int n) throws Exception {
        return consume(WORK, worker, n);
    }

    /**
     * At most {@code n} follow-up messages of one run handed to the worker (others are left in the queue).
     * @return how many were handled
     */
    int workOn(String runId, int n) throws Exception {
        String url = sqs.getQueueUrl(b -> b.queueName(WORK)).queueUrl();
        List<Message> others = new ArrayList<>(); // held invisible meanwhile, then given back untouched
        int handled = 0;
        try {
            while (handled < n) {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0)
                        .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (batch.isEmpty()) {
                    break;
                }
                Message m = batch.get(0);
                if (!JSON.readTree(m.body()).path("run_id").asText().equals(runId)) {
                    others.add(m);
                    continue;
                }
                SqsBatchResponse answer = worker.handleRequest(lambdaJson.readValue(SqsEventJson.fromReceived(WORK, batch),
                        SqsEvent.class), null);
                if (!answer.batchItemFailures().isEmpty()) {
                    throw new AssertionError("the work message failed: " + m.body());
                }
                delete(WORK, m);
                handled++;
            }
        } finally {
            others.forEach(m -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
        }
        return handled;
    }

    /** The orders now in the resize queue, taken out of it (bodies). */
    List<String> takeOrders() {
        return takeAll(RESIZE).stream().map(Message::body).toList();
    }

    /** Resizes the orders (FakeResizer) onto the results queue. @return the orders */
    List<String> resize() throws Exception {
        List<String> orders = takeOrders();
        for (String order : orders) {
            sendResult(RESIZER.resultFor(order));
        }
        return orders;
    }

    void sendResult(String body) {
        String url = sqs.getQueueUrl(b -> b.queueName(RESULTS)).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    /** Every result of the results queue handed to the apply handler. @return how many */
    int applyResults() throws Exception {
        return consume(RESULTS, apply, Integer.MAX_VALUE);
    }

    /** Work, resize, apply, until every queue is quiet: what the deployed functions do on their own. */
    void settle() throws Exception {
        for (int round = 0; round < 10; round++) {
            int moved = work() + resize().size() + applyResults();
            if (moved == 0) {
                return;
            }
        }
        throw new AssertionError("the queues did not settle");
    }

    private int consume(String queue, RequestHandler<SqsEvent, SqsBatchResponse> handler, int max) throws Exception {
        int handled = 0;
        while (handled < max) {
            int take = Math.min(10, max - handled);
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(take).waitTimeSeconds(0)
                    .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return handled;
            }
            SqsEvent event = lambdaJson.readValue(SqsEventJson.fromReceived(queue, batch), SqsEvent.class);
            SqsBatchResponse answer = handler.handleRequest(event, null);
            Set<String> failed = new HashSet<>();
            answer.batchItemFailures().forEach(f -> failed.add(f.itemIdentifier()));
            for (Message m : batch) {
                if (failed.contains(m.messageId())) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                } else {
                    delete(queue, m);
                }
            }
            if (!failed.isEmpty()) {
                throw new AssertionError(failed.size() + " message(s) of " + queue + " failed: see resync_messages "
                        + collection("resync_messages").find(Filters.in("_id", failed)).into(new ArrayList<>()));
            }
            handled += batch.size();
        }
        return handled;
    }

    /** Every message of the queue, received and deleted one batch at a time (a FIFO group's next is then visible). */
    List<Message> takeAll(String queue) {
        return QueueDrain.drain(sqs, queue);
    }

    void delete(String queue, Message m) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    }

    Document run(ResyncRequest.Response response, int index) {
        return collection("resync_runs").find(Filters.eq("_id", response.runs().get(index).runId())).first();
    }

    static int count(Document run, String name) {
        Number n = run.get("counts", new Document()).get(name, Number.class);
        return n == null ? 0 : n.intValue();
    }
}
