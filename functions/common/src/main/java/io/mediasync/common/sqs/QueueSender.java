package io.mediasync.common.sqs;

import io.mediasync.common.hash.Sha256;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends JSON messages to a queue by URL, filling in what a FIFO queue requires: a message group id
 * and a deduplication id (sha-256 of the given dedup key, so a resend of the same thing within
 * SQS's 5-minute window is dropped by SQS itself).
 */
public final class QueueSender {

    private final SqsClient sqs;

    public QueueSender(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @return the SQS message id */
    public String send(String queueUrl, String body, String groupId, String dedupKey) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
        if (isFifo(queueUrl)) {
            request.messageGroupId(groupId(groupId))
                    .messageDeduplicationId(Sha256.hex(dedupKey == null ? body : dedupKey));
        }
        return sqs.sendMessage(request.build()).messageId();
    }

    public static boolean isFifo(String queueUrlOrName) {
        return queueUrlOrName.endsWith(".fifo");
    }

    /** The message group id a FIFO message gets for the requested one: "mediasync" if none; over 128 characters (SQS's limit), its hash. */
    public static String groupId(String requested) {
        if (requested == null || requested.isBlank()) {
            return "mediasync";
        }
        return requested.length() <= 128 ? requested : Sha256.hex(requested);
    }

}
