package io.mediasync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mediasync.testsupport.SecretsManagerStub;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A secret used per message, read through the real SDK client from a Secrets Manager speaking the service's protocol on
 * loopback: one read per time to live, a rotation picked up when it has passed, an outage bridged by the value read
 * before, and failures that name the secret and never a value.
 */
class CachedSecretTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/postback-secret-AbCdEf";

    private final SecretsManagerStub stub = new SecretsManagerStub();
    private final SecretsManagerClient client = SecretsManagerClients.create(Optional.of(stub.endpoint().toString()), Duration.ofSeconds(5));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final CachedSecret secret = new CachedSecret(new SecretReader(client), ARN, Duration.ofMinutes(5), clock);

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void aRotationIsReadOnceTheTimeToLiveHasPassed() {
        stub.put(ARN, "whsec_first");

        assertThat(List.of(secret.value(), secret.value(), secret.value())).containsOnly("whsec_first");
        stub.put(ARN, "whsec_second"); // rotated
        advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(secret.value()).as("within the time to live").isEqualTo("whsec_first");
        assertThat(stub.reads()).containsExactly(ARN);

        advance(Duration.ofMillis(1));
        assertThat(secret.value()).isEqualTo("whsec_second");
        assertThat(secret.value()).isEqualTo("whsec_second");
        assertThat(stub.reads()).containsExactly(ARN, ARN);
    }

    @Test
    void aClockThatWentBackReadsAgain() {
        stub.put(ARN, "whsec_first");
        secret.value();
        stub.put(ARN, "whsec_second");

        advance(Duration.ofSeconds(-1)); // e.g. a snapshot restored on another host

        assertThat(secret.value()).isEqualTo("whsec_second");
        assertThat(stub.reads()).hasSize(2);
    }

    @Test
    void anOutageIsBridgedByTheValueReadBeforeAndEveryUseTriesAgain() {
        stub.put(ARN, "whsec_first");
        secret.value();
        stub.down(true);
        advance(Duration.ofMinutes(6));

        assertThat(secret.value()).isEqualTo("whsec_first");
        int afterFirstUse = stub.reads().size(); // the first read, then the SDK's attempts at the 500s
        assertThat(afterFirstUse).isGreaterThan(2);
        assertThat(secret.value()).isEqualTo("whsec_first");
        assertThat(stub.reads()).as("the second use tried as often again").hasSize(2 * afterFirstUse - 1);

        stub.put(ARN, "whsec_second");
        stub.down(false);
        assertThat(secret.value()).isEqualTo("whsec_second");
        assertThat(stub.reads()).hasSize(2 * afterFirstUse);
    }

    @Test
    void aSecretNeverReadFailsNamingTheSecretAndWhatTheServiceSaid() {
        SecretUnavailableException missing = catchThrowableOfType(SecretUnavailableException.class, secret::value);
        assertThat(missing).hasMessage("secret " + ARN + " not readable: ResourceNotFoundException");

        stub.down(true);
        SecretUnavailableException down = catchThrowableOfType(SecretUnavailableException.class, secret::value);
        assertThat(down).hasMessage("secret " + ARN + " not readable: InternalServiceError");
    }

    @Test
    void noDescriptionCarriesTheValue() {
        stub.put(ARN, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        secret.value();

        assertThat(secret).hasToString("CachedSecret[" + ARN + ", ttl PT5M]");
        assertThat(SecretSource.fixed("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasToString("SecretSource[plain variable]");
    }
}
