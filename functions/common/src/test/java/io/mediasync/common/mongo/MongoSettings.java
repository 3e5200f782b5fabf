package io.mediasync.common.mongo;

import java.time.Duration;

/** A {@link MongoConfig} as the tests give it. */
record MongoSettings(String connectionString, String database, Duration serverSelectionTimeout, Duration connectTimeout,
        Duration socketTimeout) implements MongoConfig {
}
