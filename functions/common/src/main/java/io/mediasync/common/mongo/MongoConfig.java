package io.mediasync.common.mongo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The functions' MongoDB connection: {@code mediasync.mongo.*}. The connection string (MONGO_URL, or the secret
 * MONGO_URL_SECRET_ARN names), the database and the three timeouts, the same for every function, are written once
 * here with their variables. The timeouts make an unreachable or paused database fail a call (retried by SQS) instead
 * of hanging it until Lambda's own timeout, which would leave the message without a record.
 */
@ConfigMapping(prefix = "mediasync.mongo")
public interface MongoConfig {

    /** A MongoDB connection string: {@code mongodb://…} or {@code mongodb+srv://…} (options in it apply). */
    @WithDefault("${MONGO_URL:mongodb://127.0.0.1:27017}")
    String connectionString();

    /**
     * MONGO_URL_SECRET_ARN: a Secrets Manager secret whose value is the connection string, read at run time (the
     * template's way, so the credentials are not in the function's configuration); wins over MONGO_URL.
     */
    @WithDefault("${MONGO_URL_SECRET_ARN:}")
    Optional<String> connectionStringSecretArn();

    @WithDefault("${MONGO_DATABASE:mediasync_${DB_ENVIRONMENT:develop}}")
    String database();

    /** How long an operation waits for a usable server before it fails (MONGO_SERVER_SELECTION_TIMEOUT). */
    @WithDefault("${MONGO_SERVER_SELECTION_TIMEOUT:5S}")
    Duration serverSelectionTimeout();

    /** How long opening a connection may take (MONGO_CONNECT_TIMEOUT). */
    @WithDefault("${MONGO_CONNECT_TIMEOUT:5S}")
    Duration connectTimeout();

    /**
     * The longest wait for an answer on an open connection (MONGO_SOCKET_TIMEOUT): a database that accepted a call
     * and then stopped answering. Longer than any single call of the functions (pages, bulk writes of a page), well
     * within the shortest function timeout (60 s), so the message is still recorded and given back.
     */
    @WithDefault("${MONGO_SOCKET_TIMEOUT:10S}")
    Duration socketTimeout();
}
