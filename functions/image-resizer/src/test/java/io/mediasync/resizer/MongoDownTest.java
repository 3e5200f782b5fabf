package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MongoDB down: nothing can be recorded, so nothing is done; the message goes back to SQS to be retried. */
@QuarkusTest
@TestProfile(MongoDownTest.MongoDown.class)
class MongoDownTest extends ResizerTestSupport {

    public static class MongoDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediasync.mongo.connection-string", "mongodb://127.0.0.1:9",
                    "mediasync.mongo.server-selection-timeout", "1S");
        }
    }

    @Test
    void messageIsRetriedAndNoPostbackIsSent() throws Exception {
        try (HttpFixture http = new HttpFixture()) {
            http.serve("/x.jpg", TestImages.jpeg(500, 400), "image/jpeg");
            var receiver = http.receiver("/pb");
            String messageId = newId();
            String body = order(http.url("/x.jpg"), http.url("/pb")).toString();
            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).containsExactly(messageId);
            assertThat(receiver.await(1, Duration.ofMillis(300))).isEmpty();
        }
    }
}
