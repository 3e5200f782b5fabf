package io.mediasync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.MockLambda;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.emf.EmfLines;
import io.mediasync.testsupport.emf.StdoutCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * catalog-sync's EMF lines after real runs (the HTTP API through the mock event server, a real catalog on loopback,
 * the devstack): pages, upserts and disables as the run record counts them; a bad queued run under its reason.
 */
@QuarkusTest
class CatalogMetricsTest extends CatalogTestSupport {

    private static final String F = "catalog-sync"; // quarkus.lambda.handler: no AWS_LAMBDA_FUNCTION_NAME in a test

    private static EmfLines syncall() {
        try (StdoutCapture out = new StdoutCapture()) {
            assertThat(Api.syncall().status()).isEqualTo(200);
            return out.emf();
        }
    }

    @Test
    void pagesUpsertsAndDisablesAreTheRunsOwnCounts() {
        listSources(5); // 3 pages of 2

        EmfLines first = syncall();
        Document counts = onlyRun().get("counts", Document.class);
        assertThat(first.sum("CatalogPages", F)).isEqualTo(3).isEqualTo(counts.getInteger("pages").doubleValue());
        assertThat(first.sum("SourcesUpserted", F)).isEqualTo(5).isEqualTo(counts.getInteger("upserted").doubleValue());
        assertThat(first.sum("SourcesDisabled", F)).isZero();
        assertThat(first.sum("TokenRenewals", F)).as("a static token is never renewed").isZero();

        catalog.items = new ArrayList<>(catalog.items.subList(0, 4)); // 105 leaves the catalog
        EmfLines second = syncall();
        assertThat(second.sum("CatalogPages", F)).isEqualTo(2);
        assertThat(second.sum("SourcesUpserted", F)).isEqualTo(4);
        assertThat(second.sum("SourcesDisabled", F)).isEqualTo(1);
        assertThat(source(105).getBoolean("enabled")).isFalse();
    }

    @Test
    void aQueuedRunThatIsNotOneIsRejectedAsBadMessage() {
        EmfLines lines;
        try (StdoutCapture out = new StdoutCapture()) {
            MockLambda.invoke(SqsEventJson.event(SqsEventJson.record(RUNS, UUID.randomUUID().toString(), "not a run", 1, "runs")));
            lines = out.emf();
        }
        assertThat(lines.sum("Rejected", Map.of("Function", F, "Reason", "bad_message"))).isEqualTo(1);
        assertThat(lines.sum("Done", F)).isZero();
        assertThat(lines.sum("CatalogPages", F)).isZero();
    }
}
