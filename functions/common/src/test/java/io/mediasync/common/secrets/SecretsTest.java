package io.mediasync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SecretsManagerStubExtension;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which value a setting has: the secret its *_SECRET_ARN names (AWS), else the plain variable (local runtime, seeds). */
class SecretsTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/mongo-url-AbCdEf";

    @RegisterExtension
    final SecretsManagerStubExtension<Secrets> secretsManager = StubbedSecrets.extension();

    @Test
    void withoutAnArnThePlainVariableIsTheValueAndSecretsManagerIsNeverAsked() {
        assertThat(secretsManager.client().setting(Optional.empty(), Optional.of("whsec_plain")).orElseThrow().value()).isEqualTo("whsec_plain");
        assertThat(secretsManager.client().setting(Optional.of(""), Optional.of("whsec_plain")).orElseThrow().value()).isEqualTo("whsec_plain");
        assertThat(secretsManager.client().readOnce(Optional.empty(), "mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(secretsManager.stub().reads()).isEmpty();
    }

    @Test
    void anArnWinsOverThePlainVariable() {
        secretsManager.stub().put(ARN, "from-secrets-manager");

        assertThat(secretsManager.client().setting(Optional.of(ARN), Optional.of("plain")).orElseThrow().value()).isEqualTo("from-secrets-manager");
        assertThat(secretsManager.client().readOnce(Optional.of(ARN), "plain")).isEqualTo("from-secrets-manager");
        assertThat(secretsManager.stub().reads()).containsExactly(ARN, ARN);
    }

    @Test
    void neitherSetIsNoSecret() {
        assertThat(secretsManager.client().setting(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(secretsManager.client().setting(Optional.of(" "), Optional.of(""))).isEmpty();
    }
}
