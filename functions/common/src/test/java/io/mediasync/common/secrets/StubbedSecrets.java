package io.mediasync.common.secrets;

import io.mediasync.testsupport.SecretsManagerStub;
import io.mediasync.testsupport.SecretsManagerStubExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@link Secrets} as a function builds it, pointed at a {@link SecretsManagerStub} (TTL 5 minutes, calls 5 s). */
public final class StubbedSecrets {

    private StubbedSecrets() {
    }

    /** A stub and its Secrets for each test, closed after it: {@code @RegisterExtension}. */
    public static SecretsManagerStubExtension<Secrets> extension() {
        return new SecretsManagerStubExtension<>(StubbedSecrets::against, Secrets::close);
    }

    public static Secrets against(SecretsManagerStub stub) {
        return new Secrets(new SecretsConfig() {
            @Override
            public Duration ttl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration callTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Optional<String> endpointOverride() {
                return Optional.of(stub.endpoint().toString());
            }
        }, Clock.systemUTC());
    }
}
