package io.mediasync.common.sqs;

import io.mediasync.common.hash.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends JSON messages to SQS, one (SendMessage) or many (SendMessageBatch, 10 per call), with what a FIFO queue
 * requires of every message, written once: a message group id (at most 128 characters of letters, digits and ASCII
 * punctuation; anything else is replaced by its SHA-256 so any business key works) and a deduplication id (the
 * SHA-256 of a key: a resend of the same thing within SQS's 5-minute window is dropped by SQS itself).
 */
public final class QueueSender {

    public static final String DEFAULT_GROUP = "mediasync";
    private static final Pattern VALID_GROUP = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");
    /** SendMessageBatch's limit. */
    static final int MAX_ENTRIES = 10;

    private final SqsClient sqs;
    private final QueueUrls queues;

    public QueueSender(SqsClient sqs, QueueUrls queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    /** @return the SQS message id */
    public String send(String queueNameOrUrl, String body, String groupId, String dedupKey) {
        String url = queues.urlOf(queueNameOrUrl);
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url).messageBody(body);
        if (QueueNames.isFifo(url)) {
            request.messageGroupId(groupId(groupId)).messageDeduplicationId(deduplicationId(dedupKey, body));
        }
        return sqs.sendMessage(request.build()).messageId();
    }

    /**
     * Sends every message to one queue, 10 per call. Throws if SQS refused any entry, so the caller's message is
     * retried: at-least-once, never silently lost.
     */
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
                    entry.messageGroupId(groupId(m.groupId())).messageDeduplicationId(deduplicationId(m.dedupKey(), m.body()));
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

    public static String groupId(String group) {
        if (group == null || group.isBlank()) {
            return DEFAULT_GROUP;
        }
        return VALID_GROUP.matcher(group).matches() ? group : Sha256.hex(group);
    }

    /** @param key what makes two messages the same (null: the body) */
    public static String deduplicationId(String key, String body) {
        return Sha256.hex(key == null ? body : key);
    }
}
