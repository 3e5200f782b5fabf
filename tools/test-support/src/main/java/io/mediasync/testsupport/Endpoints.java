package io.mediasync.testsupport;

import java.net.URI;

/** Where the SQS, S3 and MongoDB a test talks to are, and the credentials they take. */
public record Endpoints(URI sqs, URI s3, String mongo, String region, String accessKey, String secretKey) {
}
