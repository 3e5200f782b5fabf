package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A source's secret headers go only to the origin the operator bound them to ({@code headers_origin}), whatever URL the
 * record holds now (a catalog may have changed it): two loopback servers, source.test and attacker.test, on two ports.
 */
@QuarkusTest
class SecretHeadersTest extends BadSourcesFixture {

    private static final String SECRET = "Bearer test-token-not-a-real-secret";

    @Test
    void aUrlMovedOffTheHeadersOriginFailsTheRunAndNothingReachesTheOtherHost() {
        try (SourceServer attacker = new SourceServer()) {
            String home = named("source.test", server);
            String elsewhere = named("attacker.test", attacker);
            attacker.putText("/feed.xml", goodFeed("/img/a.jpg"), "application/rss+xml");
            putSource(mongo, secretSource(7120, elsewhere + "/feed.xml").append("headers_origin", home));

            assertThat(syncOrder(7120, elsewhere + "/feed.xml")).isEmpty();

            assertThat(attacker.totalHits()).as("no request reaches the URL's host").isZero();
            assertFailed(7120, "failed", "headers_origin_mismatch", "the source's URL is on " + elsewhere
                    + ", its headers and cookies belong to " + home + " (headers_origin): nothing was sent");
            assertThat(files(mongo, 7120)).isEmpty();
        }
    }

    @Test
    void secretHeadersWithoutAnOriginAreNeverSent() {
        String home = named("source.test", server);
        server.putText("/unbound.xml", goodFeed("/img/a.jpg"), "application/rss+xml");
        putSource(mongo, secretSource(7121, home + "/unbound.xml"));
        server.resetHits();

        assertThat(syncOrder(7121, home + "/unbound.xml")).isEmpty();

        assertThat(server.totalHits()).isZero();
        assertFailed(7121, "failed", "headers_origin_missing", "carry a secret (secretRef) but it has no headers_origin");
    }

    @Test
    void headersGoToTheirOriginOnlyWhenTheUrlIsOnIt() {
        try (SourceServer cdn = new SourceServer()) {
            String home = named("source.test", server);
            cdn.put("/c.jpg", TestImages.swatchJpeg(0x303030), "image/jpeg");
            server.putText("/bound.xml", Feeds.podcast("", "x", null, null, List.of(new Feeds.Episode("b-1", null,
                    named("cdn.test", cdn) + "/c.jpg", "image/jpeg"))), "application/rss+xml");
            putSource(mongo, secretSource(7122, home + "/bound.xml").append("headers_origin", home + "/"));
            server.resetHits();

            assertThat(syncOrder(7122, home + "/bound.xml")).isEmpty();

            assertThat(server.requests("/bound.xml").get(0)).containsEntry("authorization", SECRET).containsEntry("cookie", "session=abc123");
            assertThat(cdn.requests("/c.jpg").get(0)).doesNotContainKeys("authorization", "cookie");
            assertThat(source(mongo, 7122).getString("lastSyncStatus")).isEqualTo("completed");
        }
    }

    /** http://NAME:PORT of a loopback server, NAME resolved by the tests' resolver. */
    private static String named(String name, SourceServer target) {
        TestResolver.map(name, "127.0.0.1");
        return "http://" + name + ":" + target.port();
    }

    private static Document secretSource(long id, String url) {
        return newSource(id, url, "bad/").append("headers", new Document("Authorization", new Document("secretRef", "SOURCE_SECRET_TEST_TOKEN")))
                .append("cookies", new Document("session", "abc123"));
    }

    private List<String> syncOrder(long sourceId, String url) {
        return failedIds(invoke(SqsEventJson.event(orderRecord(sourceId, url, "bad/"))));
    }
}
