package io.mediasync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SecretsManagerStub;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which value a setting has: the secret its *_SECRET_ARN names (AWS), else the plain variable (local runtime, seeds). */
class SecretsTest {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/mongo-url-AbCdEf";

    private final SecretsManagerStub stub = new SecretsManagerStub();
    private final Secrets secrets = StubbedSecrets.against(stub);

    @AfterEach
    void stop() {
        secrets.close();
        stub.close();
    }

    @Test
    void withoutAnArnThePlainVariableIsTheValueAndSecretsManagerIsNeverAsked() {
        assertThat(secrets.setting(Optional.empty(), Optional.of("whsec_plain")).orElseThrow().value()).isEqualTo("whsec_plain");
        assertThat(secrets.setting(Optional.of(""), Optional.of("whsec_plain")).orElseThrow().value()).isEqualTo("whsec_plain");
        assertThat(secrets.readOnce(Optional.empty(), "mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(stub.reads()).isEmpty();
    }

    @Test
    void anArnWinsOverThePlainVariable() {
        stub.put(ARN, "from-secrets-manager");

        assertThat(secrets.setting(Optional.of(ARN), Optional.of("plain")).orElseThrow().value()).isEqualTo("from-secrets-manager");
        assertThat(secrets.readOnce(Optional.of(ARN), "plain")).isEqualTo("from-secrets-manager");
        assertThat(stub.reads()).containsExactly(ARN, ARN);
    }

    @Test
    void neitherSetIsNoSecret() {
        assertThat(secrets.setting(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(secrets.setting(Optional.of(" "), Optional.of(""))).isEmpty();
    }
}
