package io.mediasync.common.mongo;

import java.time.Duration;
import java.util.Optional;

/** A {@link MongoConfig} as the tests give it. */
record MongoSettings(String connectionString, Optional<String> connectionStringSecretArn, String database,
        Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout) implements MongoConfig {
}
