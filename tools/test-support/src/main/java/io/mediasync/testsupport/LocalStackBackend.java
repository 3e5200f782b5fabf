package io.mediasync.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker variant of the test backend: LocalStack (SQS, S3) and MongoDB in containers. Used
 * only where a Docker engine answers; tests that need it are skipped elsewhere.
 */
public final class LocalStackBackend {

    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    public static final String MONGO_IMAGE = "mongo:7.0";

    private static Endpoints shared;

    private LocalStackBackend() {
    }

    /** True when a Docker engine answers (the client alone is not enough). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    public static synchronized Endpoints shared() {
        if (shared == null) {
            LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE)).withServices("sqs", "s3");
            MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
            localstack.start();
            mongo.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                localstack.stop();
                mongo.stop();
            }));
            shared = new Endpoints(localstack.getEndpoint(), localstack.getEndpoint(), mongo.getConnectionString(),
                    localstack.getRegion(), localstack.getAccessKey(), localstack.getSecretKey());
        }
        return shared;
    }
}
