package io.mediasync.common.sqs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queue helpers every function sends with, over the function's one SqsClient (Quarkiverse's): one queue-URL
 * cache per function, so a queue is looked up once whichever sender uses it.
 */
@Singleton
public class SqsProducer {

    @Produces
    @Singleton
    QueueUrls queueUrls(SqsClient sqs) {
        return new QueueUrls(sqs);
    }

    @Produces
    @Singleton
    QueueSender queueSender(SqsClient sqs, QueueUrls urls) {
        return new QueueSender(sqs, urls);
    }
}
