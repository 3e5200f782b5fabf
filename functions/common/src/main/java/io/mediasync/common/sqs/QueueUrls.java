package io.mediasync.common.sqs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Queue URLs by name, looked up once with GetQueueUrl and cached for the life of the container
 * (a queue's URL never changes). A configured value that already is a URL is used as it is.
 */
public final class QueueUrls {

    private final SqsClient sqs;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public QueueUrls(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @throws software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException if there is no such queue */
    public String urlOf(String nameOrUrl) {
        if (QueueNames.isUrl(nameOrUrl)) {
            return nameOrUrl.trim();
        }
        return cache.computeIfAbsent(nameOrUrl.trim(), name -> sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
    }

    /** Forgets every URL, so the next look-up asks SQS again (a queue deleted and made anew is found again). */
    public void forget() {
        cache.clear();
    }
}
