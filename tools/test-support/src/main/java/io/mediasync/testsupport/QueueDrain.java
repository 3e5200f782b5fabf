package io.mediasync.testsupport;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Empties a test queue: what the function sent, for the test to read, and nothing left for the next test. */
public final class QueueDrain {

    /**
     * The stop rule: this many empty receives in a row. One empty answer is not proof on a FIFO queue, whose group's
     * next message shows only once the batch before it is deleted; the second confirms.
     */
    public static final int EMPTY_RECEIVES_TO_STOP = 2;

    private QueueDrain() {
    }

    /** Every message of {@code queue} (by name), received with all system attributes and deleted a batch at a time. */
    public static List<Message> drain(SqsClient sqs, String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<Message> all = new ArrayList<>();
        for (int empty = 0; empty < EMPTY_RECEIVES_TO_STOP; ) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(60).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            all.addAll(batch);
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(batch.get(i).receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
        return all;
    }
}
