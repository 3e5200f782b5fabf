package io.mediasync.common.mongo;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The functions' MongoDB connection: {@code mediasync.mongo.*}, each default written in the function's
 * application.properties (MONGO_URL, MONGO_DATABASE, MONGO_SERVER_SELECTION_TIMEOUT).
 */
@ConfigMapping(prefix = "mediasync.mongo")
public interface MongoConfig {

    /** A MongoDB connection string: {@code mongodb://…} or {@code mongodb+srv://…} (options in it apply). */
    String connectionString();

    String database();

    /** How long an operation waits for a usable server before it fails (and SQS retries the message). */
    Duration serverSelectionTimeout();

    Duration connectTimeout();
}
