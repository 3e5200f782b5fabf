package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.catalog.fetch.PasswordGrant;
import io.mediasync.catalog.fetch.TokenSource;
import io.mediasync.testsupport.SecretsManagerStub;
import io.mediasync.testsupport.time.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API_CREDENTIALS_SECRET_ARN, the template's way: the password grant's user and password come from a JSON secret read at
 * run time (Secrets Manager's protocol on loopback), not from API_USER/API_PASSWORD, and a rotated password is used
 * from the first token retrieval after the secret's time to live. The function's clock is a test clock
 * ({@link TestTime}): the time to live passes when the test moves it on.
 */
@QuarkusTest
@TestProfile(CredentialsSecretTest.FromSecretsManager.class)
class CredentialsSecretTest extends CatalogTestSupport {

    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mediasync/dev/catalog-credentials-AbCdEf";
    static final Duration TTL = Duration.ofMinutes(5);

    public static class FromSecretsManager implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.catalog.api.token", "", "mediasync.catalog.api.credentials-secret-arn", ARN,
                    "mediasync.catalog.api.token-url", "http://localhost:" + FakeCatalog.shared().port() + "/api/token",
                    "mediasync.secrets.endpoint-override", SecretsManagerStub.shared().endpoint().toString(),
                    "mediasync.secrets.ttl", TTL.toString());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestTime.class);
        }
    }

    @Inject
    TokenSource tokens;

    private final SecretsManagerStub secretsManager = SecretsManagerStub.shared();

    @BeforeEach
    void credentialsInTheSecret() {
        secretsManager.put(ARN, "{\"username\": \"catalog-user\", \"password\": \"first pa55\"}");
        catalog.password = "first pa55";
        TestResolver.map("localhost", TestResolver.LISTENING);
        catalog.validTokens.clear();
        ((PasswordGrant) tokens).forget();
    }

    @Test
    void theGrantSendsTheSecretsCredentialsAndARotatedPasswordOnceTheTimeToLiveHasPassed() throws Exception {
        listSources(2);

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("2 upserted");
        assertThat(catalog.lastTokenForm).isEqualTo("grant_type=password&username=catalog-user&password=first pa55");

        secretsManager.put(ARN, "{\"username\": \"catalog-user\", \"password\": \"second pa55\"}"); // rotated
        catalog.password = "second pa55"; // upstream too, which revokes the tokens of the old one
        catalog.validTokens.clear();
        TestTime.CLOCK.advance(TTL); // the secret's time to live, to the millisecond

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("2 upserted");
        assertThat(catalog.lastTokenForm).isEqualTo("grant_type=password&username=catalog-user&password=second pa55");
        assertThat(secretsManager.reads()).contains(ARN);
    }

    @Test
    void aSecretWithoutThePasswordEndsTheRunNotConfiguredWithoutQuotingIt() throws Exception {
        secretsManager.put(ARN, "{\"username\": \"catalog-user\", \"pass\": \"typo pa55\"}");
        TestTime.CLOCK.advance(TTL); // past the time to live of a value an earlier test read
        listSources(2);

        Api.Answer answer = Api.syncall();

        assertThat(reason(answer.body())).isEqualTo("not_configured");
        assertThat(onlyRun().toJson()).contains("the catalog credentials secret lacks").doesNotContain("typo pa55");
        assertThat(catalog.tokenRequests).hasValue(0);
    }
}
