package io.mediasync.common.mongo;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * The functions' MongoDB connection: {@code mediasync.mongo.*}, each default written in the function's
 * application.properties (MONGO_URL, MONGO_URL_SECRET_ARN, MONGO_DATABASE, MONGO_SERVER_SELECTION_TIMEOUT).
 */
@ConfigMapping(prefix = "mediasync.mongo")
public interface MongoConfig {

    /** A MongoDB connection string: {@code mongodb://…} or {@code mongodb+srv://…} (options in it apply). */
    String connectionString();

    /**
     * MONGO_URL_SECRET_ARN: a Secrets Manager secret whose value is the connection string, read at run time (the
     * template's way, so the credentials are not in the function's configuration); wins over MONGO_URL.
     */
    Optional<String> connectionStringSecretArn();

    String database();

    /** How long an operation waits for a usable server before it fails (and SQS retries the message). */
    Duration serverSelectionTimeout();

    Duration connectTimeout();
}
