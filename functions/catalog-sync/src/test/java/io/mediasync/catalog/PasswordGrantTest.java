package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediasync.catalog.fetch.PasswordGrant;
import io.mediasync.catalog.fetch.TokenSource;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import io.mediasync.testsupport.time.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API_USER/API_PASSWORD: the OAuth 2.0 password grant, its cache, renewal and retries. The function's clock is a test
 * clock ({@link TestTime}), which the fake catalog also measures its tokens' expiry on.
 */
@QuarkusTest
@TestProfile(PasswordGrantTest.Credentials.class)
class PasswordGrantTest extends CatalogTestSupport {

    public static class Credentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.catalog.api.token", "", "mediasync.catalog.api.user", "catalog-user",
                    "mediasync.catalog.api.password", "s3cret&more",
                    "mediasync.catalog.api.token-url", "http://localhost:" + FakeCatalog.shared().port() + "/api/token",
                    "mediasync.catalog.run.sync-deadline", "PT8S");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestTime.class);
        }
    }

    @Inject
    TokenSource tokens;

    @BeforeEach
    void authServerUpAndNoTokenCached() {
        TestResolver.map("localhost", TestResolver.LISTENING);
        catalog.validTokens.clear(); // the static token is not valid here
        ((PasswordGrant) tokens).forget();
    }

    @Test
    void theTokenIsFetchedOnceAndCachedAcrossRuns() {
        listSources(3);

        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("3 upserted");
        assertThat(Api.syncall().body().path("data").asText()).isEqualTo("3 upserted");

        assertThat(catalog.lastTokenForm).isEqualTo("grant_type=password&username=catalog-user&password=s3cret&more");
        assertThat(catalog.tokenRequests).hasValue(1);
        assertThat(catalog.authorizations).allMatch(a -> a.startsWith("Bearer tok-"));
        assertThat(catalog.unauthorizedAnswers).hasValue(0);
    }

    @Test
    void aTokenThatExpiresMidRunIsRenewedBeforeTheApiRefusesIt() {
        listSources(10); // 5 pages
        catalog.clock = TestTime.CLOCK;
        catalog.tokenLifetimeSeconds = 1; // renewed halfway: 0.5 s after it was obtained
        catalog.pageDelayMillis = 300; // on the test clock: pages at 0, 0.3, 0.6, 0.9 and 1.2 s

        JsonNode result;
        EmfLines metrics;
        try (StdoutCapture out = new StdoutCapture()) {
            result = Api.syncall().body();
            metrics = out.emf();
        }

        assertThat(result.path("data").asText()).isEqualTo("10 upserted");
        assertThat(catalog.authorizations).as("renewed at 0.6 s and 1.2 s, each time before the API would refuse the token")
                .isEqualTo(List.of("Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2", "Bearer tok-3"));
        assertThat(catalog.tokenRequests).hasValue(3);
        assertThat(metrics.sum("TokenRenewals", "catalog-sync")).as("every token obtained").isEqualTo(3);
        assertThat(catalog.unauthorizedAnswers).as("never sent an expired token").hasValue(0);
    }

    @Test
    void aTokenTheApiRevokesIsRenewedOnceOnThe401() {
        listSources(4);
        Api.syncall();
        int before = catalog.tokenRequests.get();
        catalog.validTokens.clear(); // revoked upstream

        JsonNode result = Api.syncall().body();

        assertThat(result.path("data").asText()).isEqualTo("4 upserted");
        assertThat(catalog.unauthorizedAnswers).hasValue(1);
        assertThat(catalog.tokenRequests.get()).isEqualTo(before + 1);
    }

    @Test
    void theTokenEndpointDownThenUpIsRetriedEveryInterval() {
        listSources(2);
        TestResolver.map("localhost", TestResolver.REFUSING, TestResolver.REFUSING, TestResolver.LISTENING);
        TestResolver.clearLookups();

        JsonNode result = Api.syncall().body();

        assertThat(result.path("data").asText()).isEqualTo("2 upserted");
        assertThat(TestResolver.lookups()).as("localhost x3, then catalog.test").hasSize(4);
        assertThat(waits()).as("INTERVAL_RETRY_TOKEN_SECONDS=1 after each refused try")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aTokenEndpointThatStaysDownEndsTheRunWithinItsDeadline() {
        TestResolver.map("localhost", TestResolver.REFUSING);

        assertThat(reason(Api.syncall().body())).isEqualTo("econnrefused");
    }

    @Test
    void refusedCredentialsAreUnauthorizedAndNoSecretIsStored() {
        catalog.credentialsOk = false;

        JsonNode result = Api.syncall().body();

        assertThat(reason(result)).isEqualTo("unauthorized");
        String stored = onlyRun().toJson();
        assertThat(stored).doesNotContain("s3cret").doesNotContain("tok-").contains("the token endpoint refused the credentials");
    }
}
