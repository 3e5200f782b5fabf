package io.mediasync.testsupport;

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

    public static SqsClient sqs(Endpoints endpoints) {
        return SqsClient.builder().endpointOverride(endpoints.sqs()).region(Region.of(endpoints.region()))
                .credentialsProvider(credentials(endpoints))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static S3Client s3(Endpoints endpoints) {
        return S3Client.builder().endpointOverride(endpoints.s3()).region(Region.of(endpoints.region()))
                .forcePathStyle(true).credentialsProvider(credentials(endpoints))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static StaticCredentialsProvider credentials(Endpoints endpoints) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoints.accessKey(), endpoints.secretKey()));
    }
}
