package io.mediasync.testsupport;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Plain AWS SDK clients pointed at the devstack, as any user's client would be. */
public final class AwsClients {

    private AwsClients() {
    }

    public static SqsClient sqs(DevStack stack) {
        return sqs(stack.sqsEndpoint());
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static S3Client s3(DevStack stack) {
        return S3Client.builder().endpointOverride(stack.s3Endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
