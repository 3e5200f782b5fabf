package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.catalog.fetch.PasswordGrant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token URL on plain http outside loopback: the password is never sent, and each run ends not_configured with
 * the reason. auth.test resolves to the fake catalog on 127.0.0.1 (no packet leaves the machine), but by its
 * URL it is a host elsewhere, as a real one would be.
 */
@QuarkusTest
@TestProfile(InsecureTokenUrlTest.PlainHttpTokenUrl.class)
class InsecureTokenUrlTest extends CatalogTestSupport {

    public static class PlainHttpTokenUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.catalog.api.token", "", "mediasync.catalog.api.user", "catalog-user",
                    "mediasync.catalog.api.password", "s3cret", "mediasync.catalog.api.token-url", tokenUrl());
        }
    }

    static String tokenUrl() {
        return "http://auth.test:" + FakeCatalog.shared().port() + "/api/token";
    }

    @BeforeEach
    void authServerListens() {
        TestResolver.map("auth.test", TestResolver.LISTENING);
    }

    @Test
    void thePasswordIsNeverSentAndTheRunSaysWhy() {
        listSources(2);

        Api.Answer answer = Api.syncall();

        assertThat(reason(answer.body())).isEqualTo("not_configured");
        assertThat(answer.body().path("data").path("message").asText()).as("the answer names what to set")
                .startsWith("the token URL must be https outside loopback").contains("(CATALOG_TOKEN_URL, else CATALOG_API_URL/token)");
        assertThat(answer.body().toString()).doesNotContain("s3cret");
        assertThat(onlyRun().toJson()).contains("the token URL must be https outside loopback, the password would travel in clear"
                + " (CATALOG_TOKEN_URL, else CATALOG_API_URL/token): " + tokenUrl());
        assertThat(catalog.tokenRequests).hasValue(0);
        assertThat(catalog.requests).isEmpty();
    }

    @Test
    void httpsAnywhereAndPlainHttpOnThisMachineOnly() {
        assertThat(PasswordGrant.refusal(URI.create("https://auth.example.com/token"))).isEmpty();
        assertThat(PasswordGrant.refusal(URI.create("http://127.0.0.1:8080/token"))).isEmpty();
        assertThat(PasswordGrant.refusal(URI.create("http://localhost:8080/token"))).isEmpty();
        assertThat(PasswordGrant.refusal(URI.create("http://[::1]:8080/token"))).isEmpty();
        assertThat(PasswordGrant.refusal(URI.create("http://auth.example.com/token"))).isPresent();
        assertThat(PasswordGrant.refusal(URI.create("http://127.0.0.1.nip.example/token"))).isPresent();
        assertThat(PasswordGrant.refusal(URI.create("ftp://127.0.0.1/token"))).isPresent();
    }
}
