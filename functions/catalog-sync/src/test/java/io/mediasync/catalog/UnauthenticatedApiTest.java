package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.catalog.config.CatalogHttpConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CatalogApiAuth=NONE without CatalogApiAuthNoneAcknowledged: no route runs, and the answer names the setting. */
@QuarkusTest
@TestProfile(UnauthenticatedApiTest.NoneNotAcknowledged.class)
class UnauthenticatedApiTest extends CatalogTestSupport {

    public static class NoneNotAcknowledged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.catalog.http.auth", "NONE");
        }
    }

    private static final String REASON = "this API was deployed without authentication (CatalogApiAuth=NONE, CATALOG_API_AUTH):"
            + " anyone with its URL may start runs; choose IAM or JWT, or acknowledge it with"
            + " CatalogApiAuthNoneAcknowledged=yes (CATALOG_API_AUTH_NONE_ACKNOWLEDGED)";

    @Test
    void noRouteRunsAndTheAnswerNamesTheSetting() {
        listSources(2);

        for (Api.Answer answer : new Api.Answer[] {Api.syncall(), Api.syncast(), Api.synlast(null)}) {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(reason(answer.body())).isEqualTo("not_configured");
            assertThat(answer.body().path("data").path("message").asText()).isEqualTo(REASON);
        }
        assertThat(catalog.requests).isEmpty();
        assertThat(sources()).isZero();
    }

    @Test
    void anAcknowledgedNoneAndTheAuthenticatedChoicesRun() {
        assertThat(CatalogHttpConfig.refusal(settings("NONE", true))).isEmpty();
        assertThat(CatalogHttpConfig.refusal(settings("IAM", false))).isEmpty();
        assertThat(CatalogHttpConfig.refusal(settings("JWT", false))).isEmpty();
        assertThat(CatalogHttpConfig.refusal(settings("none", false))).contains(REASON);
    }

    private static CatalogHttpConfig settings(String auth, boolean acknowledged) {
        return new CatalogHttpConfig() {
            @Override
            public String auth() {
                return auth;
            }

            @Override
            public boolean authNoneAcknowledged() {
                return acknowledged;
            }
        };
    }
}
