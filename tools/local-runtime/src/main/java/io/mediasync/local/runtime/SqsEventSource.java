package io.mediasync.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.local.template.StackModel.SqsSource;
import io.mediasync.testsupport.SqsEventJson;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping, as Lambda runs it: long-polls the queue for up to BatchSize
 * messages, invokes the function with the SQS event, deletes what succeeded. With
 * ReportBatchItemFailures only the listed messages stay; otherwise an error leaves the whole batch.
 * What stays becomes visible again after the queue's visibility timeout (or {@code retryDelay},
 * locally, to keep retries quick) and goes to the DLQ after maxReceiveCount, by the queue's own
 * redrive policy.
 */
public final class SqsEventSource implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final QueueDef queue;
    private final SqsSource source;
    private final FunctionProcess function;
    private final Optional<Duration> retryDelay;
    private final PrintStream log;
    private volatile boolean running = true;

    public SqsEventSource(SqsClient sqs, QueueDef queue, SqsSource source, FunctionProcess function,
            Optional<Duration> retryDelay, PrintStream log) {
        this.sqs = sqs;
        this.queue = queue;
        this.source = source;
        this.function = function;
        this.retryDelay = retryDelay;
        this.log = log;
    }


    @Override
    public void run() {
        String url = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(Math.min(10, source.batchSize()))
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) {
                    deliver(url, messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.println("event source " + queue.name() + " → " + function.function().name() + ": " + e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private void deliver(String url, List<Message> messages) {
        Invocation.Result result = function.invoke(SqsEventJson.fromReceived(queue.name(), messages));
        Set<String> failed = new HashSet<>();
        if (result.error()) {
            if (running) { // a stop interrupts the invocation in flight: not the function's failure
                log.println(function.function().name() + " failed on a batch of " + messages.size() + " from " + queue.name() + ": "
                        + result.body());
            }
            messages.forEach(m -> failed.add(m.messageId()));
        } else if (source.reportBatchItemFailures()) {
            failed.addAll(itemFailures(result.body(), messages));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                retryDelay.ifPresent(delay -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())
                        .visibilityTimeout((int) delay.toSeconds())));
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size())).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(done));
        }
    }

    /** The ids in batchItemFailures; an answer Lambda cannot read fails the whole batch, as in AWS. */
    private Set<String> itemFailures(String body, List<Message> messages) {
        Set<String> ids = new HashSet<>();
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer != null && answer.has("batchItemFailures")) {
                answer.get("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
            }
        } catch (Exception e) {
            messages.forEach(m -> ids.add(m.messageId()));
        }
        return ids;
    }

    public void stop() {
        running = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
