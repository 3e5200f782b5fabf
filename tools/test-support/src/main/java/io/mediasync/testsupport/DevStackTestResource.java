package io.mediasync.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Points a Quarkus function under test at SQS, S3 and MongoDB: the devstack (no Docker) by default,
 * or LocalStack + MongoDB containers when the system property {@code mediasync.test.backend} is
 * {@code localstack}. Init args: {@code buckets} and {@code queues} (comma-separated) are created up front;
 * a queue name ending in {@code .fifo} is created as a FIFO queue.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String buckets = "";
    private String queues = "";

    @Override
    public void init(Map<String, String> initArgs) {
        buckets = initArgs.getOrDefault("buckets", "");
        queues = initArgs.getOrDefault("queues", "");
    }

    @Override
    public Map<String, String> start() {
        Endpoints stack = "localstack".equals(System.getProperty("mediasync.test.backend"))
                ? LocalStackBackend.shared() : DevStack.shared().endpoints();
        try (S3Client s3 = AwsClients.s3(stack); SqsClient sqs = AwsClients.sqs(stack)) {
            for (String bucket : split(buckets)) {
                if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
            for (String queue : split(queues)) {
                Map<QueueAttributeName, String> attributes = new HashMap<>();
                if (queue.endsWith(".fifo")) {
                    attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
                }
                sqs.createQueue(q -> q.queueName(queue).attributes(attributes));
            }
        }
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"sqs", "s3"}) {
            String endpoint = service.equals("sqs") ? stack.sqs().toString() : stack.s3().toString();
            config.put("quarkus." + service + ".endpoint-override", endpoint);
            config.put("quarkus." + service + ".aws.region", stack.region());
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", stack.accessKey());
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", stack.secretKey());
        }
        config.put("quarkus.s3.path-style-access", "true");
        config.put("mediasync.mongo.connection-string", stack.mongo());
        return config;
    }

    @Override
    public void stop() {
        // the devstack is shared by every test class of this JVM and stops with it
    }

    private static String[] split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
