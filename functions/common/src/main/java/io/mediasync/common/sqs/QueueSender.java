package io.mediasync.common.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends one JSON message to a queue by URL, with the FIFO ids ({@link FifoIds}) when the queue is FIFO. */
public final class QueueSender {

    private final SqsClient sqs;

    public QueueSender(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @return the SQS message id */
    public String send(String queueUrl, String body, String groupId, String dedupKey) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
        if (QueueNames.isFifo(queueUrl)) {
            request.messageGroupId(FifoIds.groupId(groupId)).messageDeduplicationId(FifoIds.deduplicationId(dedupKey, body));
        }
        return sqs.sendMessage(request.build()).messageId();
    }
}
