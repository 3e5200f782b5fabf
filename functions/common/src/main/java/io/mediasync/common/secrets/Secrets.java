package io.mediasync.common.secrets;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where a function's secrets come from. In AWS the template passes a secret's ARN ({@code POSTBACK_SECRET_ARN},
 * {@code MONGO_URL_SECRET_ARN}, ...) and the value is read at run time, so it is not in the function's configuration
 * for anyone who may read that; where no ARN is set, the plain variable the seeds used ({@code POSTBACK_SECRET},
 * {@code MONGO_URL}, ...) is the value, as the local runtime and the tests give it. The Secrets Manager client is
 * built on the first ARN only: a function that reads none never builds it.
 */
@Singleton
public class Secrets {

    private final SecretsConfig config;
    private final Clock clock;
    private SecretsManagerClient client;

    /** @param clock what a cached secret's age is measured on (the wall clock: see {@link CachedSecret}) */
    public Secrets(SecretsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * A secret used per message: read at each use through a cache of {@code mediasync.secrets.ttl}.
     *
     * @param secretArn the {@code *_SECRET_ARN} setting; wins when set
     * @param plain     the plain variable's value
     * @return empty when neither is set
     */
    public Optional<SecretSource> setting(Optional<String> secretArn, Optional<String> plain) {
        Optional<String> arn = secretArn.map(String::trim).filter(a -> !a.isEmpty());
        if (arn.isPresent()) {
            return Optional.of(new CachedSecret(reader(), arn.get(), config.ttl(), clock));
        }
        return plain.filter(p -> !p.isBlank()).map(SecretSource::fixed);
    }

    /** A secret read once, when it is needed (the MongoDB connection string: see MongoProducer). */
    public String readOnce(Optional<String> secretArn, String plain) {
        Optional<String> arn = secretArn.map(String::trim).filter(a -> !a.isEmpty());
        return arn.isPresent() ? reader().read(arn.get()) : plain;
    }

    private synchronized SecretReader reader() {
        if (client == null) {
            client = SecretsManagerClients.create(config.endpointOverride(), config.callTimeout());
        }
        return new SecretReader(client);
    }

    @PreDestroy
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
