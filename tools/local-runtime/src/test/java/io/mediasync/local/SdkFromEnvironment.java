package io.mediasync.local;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A plain AWS SDK for Java program with nothing configured in code: endpoints, region and
 * credentials come from the environment (what {@code ./mediasync env} exports). Lists the queues,
 * the buckets and the objects under content/samples/ of the bucket given as argument. Run by ReadmeExamplesIT.
 */
public final class SdkFromEnvironment {

    private SdkFromEnvironment() {
    }

    public static void main(String[] args) {
        try (SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                S3Client s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            sqs.listQueues().queueUrls().forEach(url -> System.out.println("queue " + url));
            s3.listBuckets().buckets().forEach(bucket -> System.out.println("bucket " + bucket.name()));
            s3.listObjectsV2(b -> b.bucket(args[0]).prefix("content/samples/")).contents().forEach(o -> System.out.println("object " + o.key()));
        }
    }
}
