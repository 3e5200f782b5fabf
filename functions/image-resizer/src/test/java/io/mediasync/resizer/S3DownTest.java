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

/** S3 down: the message is reported failed (SQS keeps it and retries), and the record says why. */
@QuarkusTest
@TestProfile(S3DownTest.S3Down.class)
class S3DownTest extends ResizerTestSupport {

    /** Nothing listens on loopback port 9 here: connections are refused at once. */
    public static class S3Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:9");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void messageIsRetriedWithTheReasonRecorded() {
        try (HttpFixture http = new HttpFixture()) {
            http.serve("/x.jpg", TestImages.jpeg(500, 400), "image/jpeg");
            http.receiver("/pb");
            String messageId = newId();
            String body = order(http.url("/x.jpg"), http.url("/pb")).toString();
            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).containsExactly(messageId);
            Document record = recordOf(mongo, messageId);
            assertThat(record.getString("status")).isEqualTo("retrying");
            assertThat(record.get("lastError", Document.class).getString("code")).isEqualTo("aws_unavailable");
        }
    }
}
