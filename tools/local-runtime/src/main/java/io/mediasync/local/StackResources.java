package io.mediasync.local;

import io.mediasync.local.template.StackModel;
import io.mediasync.local.template.StackModel.QueueDef;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.Endpoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The template's queues (DLQs and redrive policies included) and buckets, made in the devstack or
 * brought in line with the template at every start; the sample images put in the content bucket.
 */
final class StackResources {

    private StackResources() {
    }

    static void create(StackModel model, SqsClient sqs, Endpoints endpoints) throws IOException {
        createQueues(model, sqs);
        createBuckets(model, endpoints);
    }

    private static void createQueues(StackModel model, SqsClient sqs) {
        List<QueueDef> ordered = new ArrayList<>(model.queues());
        ordered.sort(Comparator.comparing(q -> q.deadLetterQueue().isPresent())); // DLQs first
        for (QueueDef queue : ordered) {
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            queue.attributes().forEach((k, v) -> attributes.put(QueueAttributeName.fromValue(k), v));
            queue.deadLetterQueue().ifPresent(dlq -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:" + dlq + "\",\"maxReceiveCount\":\""
                            + queue.maxReceiveCount() + "\"}"));
            try {
                sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes));
            } catch (SqsException e) {
                // already there (from an earlier run) with other attributes: bring them up to date
                String url = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
                attributes.remove(QueueAttributeName.FIFO_QUEUE);
                sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
            }
        }
    }

    private static void createBuckets(StackModel model, Endpoints endpoints) throws IOException {
        try (S3Client s3 = AwsClients.s3(endpoints)) {
            List<String> existing = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
            for (String bucket : model.buckets()) {
                if (!existing.contains(bucket)) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
            Optional<String> content = model.functionSetting("CONTENT_BUCKET");
            if (content.isPresent()) {
                Samples.upload(s3, content.get());
            }
        }
    }
}
