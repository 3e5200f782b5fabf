package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SecretsManagerStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API_TOKEN_SECRET_ARN: the static bearer token is read at run time from Secrets Manager and wins over API_TOKEN. */
@QuarkusTest
@TestProfile(TokenSecretTest.FromSecretsManager.class)
class TokenSecretTest extends CatalogTestSupport {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/catalog-token-AbCdEf";

    public static class FromSecretsManager implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // API_TOKEN stays static-test-token (application.properties): the secret must win over it
            return Map.of("mediasync.catalog.api.token-secret-arn", ARN,
                    "mediasync.secrets.endpoint-override", SecretsManagerStub.shared().endpoint().toString());
        }
    }

    @Test
    void theTokenSentIsTheSecretsValue() {
        SecretsManagerStub.shared().put(ARN, "token-from-secrets-manager\n");
        catalog.validTokens.put("token-from-secrets-manager", Long.MAX_VALUE);
        listSources(3);

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("3 upserted");
        assertThat(catalog.authorizations).isNotEmpty().containsOnly("Bearer token-from-secrets-manager");
        assertThat(SecretsManagerStub.shared().reads()).contains(ARN);
    }
}
