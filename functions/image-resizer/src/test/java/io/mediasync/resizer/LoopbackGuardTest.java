package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * With the production allow-list (only ::1 allowed here, so the test can still post results nowhere),
 * an image on 127.0.0.1 is refused by the SSRF guard: the server never sees a request.
 */
@QuarkusTest
@TestProfile(LoopbackGuardTest.NoLoopback.class)
class LoopbackGuardTest extends ResizerTestSupport {

    public static class NoLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.fetch.allow-cidrs", "::1/128");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void loopbackImageIsRefusedBeforeAnyRequest() throws Exception {
        try (HttpFixture http = new HttpFixture()) {
            int[] hits = {0};
            http.handle("/secret.jpg", exchange -> {
                hits[0]++;
                HttpFixture.respond(exchange, 200, TestImages.jpeg(100, 100), "image/jpeg");
            });
            String messageId = newId();
            String body = order(http.url("/secret.jpg"), "http://[::1]:9/pb").toString();
            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).isEmpty();
            Document record = recordOf(mongo, messageId);
            assertThat(record.getString("status")).isEqualTo("failed");
            assertThat(record.get("error", Document.class).getString("code")).isEqualTo("blocked_address");
            assertThat(hits[0]).isZero();
        }
    }
}
