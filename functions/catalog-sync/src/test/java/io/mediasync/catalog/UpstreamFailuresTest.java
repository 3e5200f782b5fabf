package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Each way the catalog API can fail, and the seed's reason for it; every run's result is kept. */
@QuarkusTest
class UpstreamFailuresTest extends CatalogTestSupport {

    @Test
    void serverTroubleIsRetriedWithBackoff() {
        listSources(3);
        catalog.faults.put(2, new ArrayList<>(List.of(500, 503)));

        JsonNode result = Api.syncall().body();

        assertThat(result.path("data").asText()).isEqualTo("3 upserted");
        assertThat(catalog.requests).containsExactly("/api/sources", "/api/sources?page=2", "/api/sources?page=2",
                "/api/sources?page=2");
        // CATALOG_BACKOFF_BASE=PT0.05S doubled, with equal jitter: half to all of 50 ms, then of 100 ms
        assertThat(waits()).hasSize(2);
        assertThat(waits().get(0)).isBetween(Duration.ofMillis(25), Duration.ofMillis(50));
        assertThat(waits().get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void serverTroubleBeyondTheRetriesIsTheRunsError() {
        listSources(1);
        catalog.faults.put(1, new ArrayList<>(List.of(502, 502, 502, 502)));

        JsonNode result = Api.syncall().body();

        assertThat(reason(result)).isEqualTo("http_502");
        assertThat(catalog.requests).hasSize(3); // the first try and CATALOG_HTTP_RETRIES=2 retries
        assertThat(waits()).as("no wait after the last try").hasSize(2);
    }

    @Test
    void aStallingCatalogTimesOutBeforeTheSyncDeadline() {
        listSources(1);
        catalog.stallPage = 1;

        Api.Answer answer = Api.syncall();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().toString()).matches("\\{\"data\":\\{\"__exception__\":true,\"id\":null,\"reason\":\"timeout\"},\"date\":\"[^\"]+Z\",\"response\":\"error\"}");
        // each try ended by CATALOG_HTTP_TIMEOUT (PT1S), not by the run's PT5S deadline, and retried within the backoff cap
        assertThat(error(onlyRun()).reason()).contains("no answer within 1000 ms (CATALOG_HTTP_TIMEOUT)");
        assertThat(catalog.requests).hasSize(3);
        assertThat(waits()).hasSize(2).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void aRefusedConnectionIsEconnrefused() {
        TestResolver.map("catalog.test", TestResolver.REFUSING);

        assertThat(reason(Api.syncall().body())).isEqualTo("econnrefused");
    }

    @Test
    void anUnknownHostIsNxdomainWithoutAskingRealDns() {
        TestResolver.forget("catalog.test");

        JsonNode result = Api.syncall().body();

        assertThat(reason(result)).isEqualTo("nxdomain");
        assertThat(error(onlyRun()).reason()).contains("unknown host catalog.test");
    }

    @Test
    void anHtmlAnswerIsABadResponse() {
        listSources(3);
        catalog.htmlPage = 2;

        assertThat(reason(Api.syncall().body())).isEqualTo("bad_response");
        assertThat(error(onlyRun()).reason()).contains("page 2 is not JSON").contains("text/html");
    }

    @Test
    void aLinkBackToAPageAlreadyReadStopsTheRun() {
        listSources(6);
        catalog.loopPage = 2;

        JsonNode result = Api.syncall().body();

        assertThat(reason(result)).isEqualTo("page_loop");
        assertThat(catalog.requests).containsExactly("/api/sources", "/api/sources?page=2");
    }

    @Test
    void aNextLinkToAnotherOriginIsNeverFollowedSoTheTokenStaysHome() {
        listSources(4);
        TestResolver.map("elsewhere.test", TestResolver.LISTENING);
        catalog.foreignNextOnPage = "http://elsewhere.test:" + catalog.port() + "/api/sources?page=2";

        JsonNode result = Api.syncall().body();

        assertThat(reason(result)).isEqualTo("bad_response");
        assertThat(catalog.requests).containsExactly("/api/sources");
        assertThat(TestResolver.lookups()).as("only catalog.test was looked up, once").hasSize(1);
    }

    @Test
    void aStaticTokenTheApiRefusesIsUnauthorizedWithoutRetrying() {
        catalog.validTokens.clear();

        assertThat(reason(Api.syncall().body())).isEqualTo("unauthorized");
        assertThat(catalog.unauthorizedAnswers).hasValue(1);
    }

    @Test
    void everyResultIsKeptInTheSeedsShapeOldestFirst() {
        listSources(2);
        Api.syncall();
        TestResolver.forget("catalog.test");
        Api.syncall();

        JsonNode all = Api.synlast(null).body().path("data");

        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("data").asText()).isEqualTo("2 upserted");
        assertThat(all.get(1).toString()).startsWith("{\"data\":{\"__exception__\":true,\"id\":null,\"reason\":\"nxdomain\"},\"date\":");
        assertThat(all.get(1).fieldNames()).toIterable().containsExactly("data", "date", "response");
    }
}
