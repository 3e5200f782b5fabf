package io.mediasync.common.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends many messages to one queue with SendMessageBatch (10 per call), filling in FIFO group and
 * deduplication ids when the queue is FIFO. Throws if SQS refused any entry, so the caller's message is
 * retried: at-least-once, never silently lost.
 */
public final class BatchSender {

    /** SendMessageBatch's limit. */
    static final int MAX_ENTRIES = 10;

    private final SqsClient sqs;
    private final QueueUrls queues;

    public BatchSender(SqsClient sqs, QueueUrls queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    public void sendAll(String queueNameOrUrl, List<MessageOut> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String url = queues.urlOf(queueNameOrUrl);
        boolean fifo = QueueNames.isFifo(url);
        for (int start = 0; start < messages.size(); start += MAX_ENTRIES) {
            List<MessageOut> chunk = messages.subList(start, Math.min(messages.size(), start + MAX_ENTRIES));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                MessageOut m = chunk.get(i);
                SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).messageBody(m.body());
                if (fifo) {
                    entry.messageGroupId(FifoIds.groupId(m.groupId()))
                            .messageDeduplicationId(FifoIds.deduplicationId(m.dedupKey(), m.body()));
                }
                entries.add(entry.build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
            if (!response.failed().isEmpty()) {
                var first = response.failed().get(0);
                throw new IllegalStateException(response.failed().size() + " of " + entries.size() + " messages to "
                        + QueueNames.nameOf(url) + " refused: " + first.code() + " " + first.message());
            }
        }
    }
}
