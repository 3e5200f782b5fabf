package io.mediasync.sourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Hostile sources and forged orders: no file read through XML entities, no private address, no path outside the
 * content path, no header or secret beyond the source's origin, no object another source owns; an order only asks
 * for a sync, the source record says what to fetch and where.
 */
@QuarkusTest
class HostileSourcesTest extends BadSourcesFixture {

    @Test
    void xmlEntitiesAreNotExpanded() {
        putSource(mongo, newSource(7111, server.url("/xxe.xml"), "bad/"));
        server.putText("/xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><guid>&xxe;</guid><enclosure url="/img/a.jpg" type="image/jpeg"/></item></channel></rss>
                """, "application/rss+xml");
        assertThat(sync(7111, "/xxe.xml")).isEmpty();
        assertFailed(7111, "failed", "malformed_listing", "xxe");
        assertThat(files(mongo, 7111)).isEmpty();
    }

    @Test
    void redirectToAPrivateAddressIsRefusedByTheGuard() {
        putSource(mongo, newSource(7104, server.url("/moved.xml"), "bad/"));
        server.redirect("/moved.xml", "http://10.0.0.7/feed.xml");
        assertThat(sync(7104, "/moved.xml")).isEmpty();
        assertFailed(7104, "failed", "blocked_address", "10.0.0.7");
        assertThat(files(mongo, 7104)).isEmpty();
    }

    @Test
    void pathTraversalInFileNamesAndContentPathStaysInside() {
        putSource(mongo, newSource(7105, server.url("/traversal.xml"), "../../etc/"));
        server.put("/dl/1", TestImages.swatchJpeg(0xFF0000), "image/jpeg",
                Map.of("Content-Disposition", "attachment; filename=\"../../etc/passwd\""));
        server.put("/img/..%2F..%2Fetc%2Fshadow.jpg", TestImages.swatchJpeg(0xFFFF00), "image/jpeg");
        server.putText("/traversal.xml", Feeds.podcast(server.url(""), "x", null, null, List.of(
                new Feeds.Episode("t-1", null, "/dl/1", "image/jpeg"),
                new Feeds.Episode("t-2", null, "/img/..%2F..%2Fetc%2Fshadow.jpg", "image/jpeg"))), "application/rss+xml");
        assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(7105, server.url("/traversal.xml"), "../../etc/")))))
                .isEmpty();
        List<String> keys = files(mongo, 7105).stream().map(f -> f.getString("key")).sorted().toList();
        assertThat(keys).containsExactly("content/etc/passwd.jpg", "content/etc/shadow.jpg");
        keys.forEach(key -> assertThat(s3.headObject(b -> b.bucket(CONTENT_BUCKET).key(key)).contentLength()).isPositive());
        assertThat(filenames(bodies(drain(sqs, DOWNLOADED)))).containsExactly("passwd.jpg", "shadow.jpg");
    }

    @Test
    void headersAndCookiesGoToTheSourceHostOnlyAndSecretsStayOutOfRecords() {
        String secret = "Bearer test-token-not-a-real-secret";
        String cdnImage = "http://localhost:" + server.port() + "/cdn/c.jpg";
        server.put("/cdn/c.jpg", TestImages.swatchJpeg(0x808080), "image/jpeg");
        server.putText("/private.xml", Feeds.podcast("", "x", null, null,
                List.of(new Feeds.Episode("p-1", null, cdnImage, "image/jpeg"))), "application/rss+xml");
        putSource(mongo, newSource(7109, server.url("/private.xml"), "bad/")
                .append("headers", new Document("Authorization", new Document("secretRef", "SOURCE_SECRET_TEST_TOKEN"))
                        .append("X-Client", "mediasync-test"))
                .append("cookies", new Document("session", "abc123")).append("headers_origin", server.url("")));
        server.resetHits();
        assertThat(sync(7109, "/private.xml")).isEmpty();
        Map<String, String> listing = server.requests("/private.xml").get(0);
        assertThat(listing).containsEntry("authorization", secret).containsEntry("x-client", "mediasync-test")
                .containsEntry("cookie", "session=abc123");
        Map<String, String> file = server.requests("/cdn/c.jpg").get(0);
        assertThat(file).doesNotContainKeys("authorization", "cookie", "x-client");
        assertThat(source(mongo, 7109).toJson()).doesNotContain("test-token-not-a-real-secret");
        assertThat(collection(mongo, "sync_runs").find(Filters.eq("source_id", 7109L)).first().toJson())
                .doesNotContain("test-token-not-a-real-secret");
    }

    @Test
    void aSourcesHeadersStayAtItsOriginNotAnotherPortOfItsHost() {
        try (SourceServer otherPort = new SourceServer()) {
            otherPort.put("/c.jpg", TestImages.swatchJpeg(0x404040), "image/jpeg");
            server.putText("/ports.xml", Feeds.podcast("", "x", null, null,
                    List.of(new Feeds.Episode("p-2", null, otherPort.url("/c.jpg"), "image/jpeg"))), "application/rss+xml");
            putSource(mongo, newSource(7113, server.url("/ports.xml"), "bad/")
                    .append("headers", new Document("X-Api-Key", "k-not-for-other-origins")));
            server.resetHits();

            assertThat(sync(7113, "/ports.xml")).isEmpty();

            assertThat(server.requests("/ports.xml").get(0)).containsEntry("x-api-key", "k-not-for-other-origins");
            assertThat(otherPort.requests("/c.jpg").get(0)).doesNotContainKey("x-api-key");
        }
    }

    @Test
    void anOrderOnlyAsksForASyncTheSourceRecordSaysWhatToFetchAndWhere() throws Exception {
        try (SourceServer attacker = new SourceServer()) {
            attacker.putText("/evil.xml", goodFeed("/img/a.jpg"), "application/rss+xml");
            server.putText("/real.xml", goodFeed("/img/b.jpg"), "application/rss+xml");
            putSource(mongo, newSource(7114, server.url("/real.xml"), "real/")
                    .append("headers", new Document("X-Api-Key", "k-for-the-real-source")));
            String forged = "{\"source_id\": 7114, \"url\": \"" + attacker.url("/evil.xml") + "\", \"content_path\": \"../../escape/\"}";

            assertThat(failedIds(invoke(SqsEventJson.event(orderRecord(newId(), forged, 1, 1))))).isEmpty();

            assertThat(attacker.totalHits()).as("the order's url is never fetched").isZero();
            assertThat(files(mongo, 7114)).extracting(f -> f.getString("key")).containsExactly("content/real/b.jpg");
            assertThat(source(mongo, 7114).getString("lastSyncStatus")).isEqualTo("completed");
        }
    }

    @Test
    void twoSourcesWithTheSameContentPathNeverShareAnObject() {
        server.put("/one/cover.jpg", TestImages.swatchJpeg(0x111111), "image/jpeg");
        server.put("/two/cover.jpg", TestImages.swatchJpeg(0x222222), "image/jpeg");
        server.putText("/one.xml", goodFeed("/one/cover.jpg"), "application/rss+xml");
        server.putText("/two.xml", goodFeed("/two/cover.jpg"), "application/rss+xml");
        putSource(mongo, newSource(7115, server.url("/one.xml"), "shared/"));
        putSource(mongo, newSource(7116, server.url("/two.xml"), "shared/"));

        assertThat(sync(7115, "/one.xml")).isEmpty();
        assertThat(sync(7116, "/two.xml")).isEmpty();

        Document one = files(mongo, 7115).get(0);
        Document two = files(mongo, 7116).get(0);
        assertThat(one.getString("key")).isEqualTo("content/shared/cover.jpg");
        assertThat(two.getString("key")).isNotEqualTo(one.getString("key")).startsWith("content/shared/cover-");
        assertThat(SourceServer.sha(s3.getObjectAsBytes(b -> b.bucket(CONTENT_BUCKET).key(one.getString("key"))).asByteArray()))
                .isEqualTo(SourceServer.sha(TestImages.swatchJpeg(0x111111)));
        assertThat(SourceServer.sha(s3.getObjectAsBytes(b -> b.bucket(CONTENT_BUCKET).key(two.getString("key"))).asByteArray()))
                .isEqualTo(SourceServer.sha(TestImages.swatchJpeg(0x222222)));
    }
}
