package io.mediasync.testsupport;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * An SQS client that keeps what it is asked to send (queue URL, body, FIFO group and deduplication id) and accepts it
 * all, for a producer's exact-bytes test without a queue. Anything else it is asked throws (the SDK's default).
 */
public final class RecordingSqs implements SqsClient {

    /** One message as SQS would have received it. */
    public record Sent(String queueUrl, String body, String groupId, String deduplicationId) {
    }

    private final List<Sent> sent = new ArrayList<>();

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        sent.add(new Sent(request.queueUrl(), request.messageBody(), request.messageGroupId(),
                request.messageDeduplicationId()));
        return SendMessageResponse.builder().messageId("m-" + sent.size()).build();
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        request.entries().forEach(entry -> {
            sent.add(new Sent(request.queueUrl(), entry.messageBody(), entry.messageGroupId(),
                    entry.messageDeduplicationId()));
            ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("m-" + sent.size()).build());
        });
        return SendMessageBatchResponse.builder().successful(ok).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
