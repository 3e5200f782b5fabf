package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.sun.net.httpserver.HttpExchange;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.SqsEventJson;
import io.mediasync.testsupport.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * An image's files go to S3 at once (ImageStore.putAll); when one PUT fails for good, the attempt ends only after every
 * other PUT has ended too (none runs on into the next invocation), is given back, and its record says why.
 */
@QuarkusTest
@TestProfile(S3PartialFailureTest.OnePutFails.class)
class S3PartialFailureTest extends ResizerTestSupport {

    /** Path-style S3 on loopback: nothing stored yet (HEAD 404), every PUT of the 250x250 file answered 500. */
    static final class FailingS3 {
        static final HttpFixture SERVER = new HttpFixture().handle("/", FailingS3::answer);
        static final List<String> PUTS_STORED = new CopyOnWriteArrayList<>();
        static final List<String> PUTS_REFUSED = new CopyOnWriteArrayList<>();

        private static void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod()) {
                case "HEAD" -> exchange.sendResponseHeaders(404, -1);
                case "PUT" -> {
                    exchange.getRequestBody().readAllBytes();
                    if (path.contains("_250x250.")) {
                        PUTS_REFUSED.add(path);
                        byte[] error = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
                                .getBytes(StandardCharsets.UTF_8);
                        HttpFixture.respond(exchange, 500, error, "application/xml");
                    } else {
                        PUTS_STORED.add(path);
                        exchange.getResponseHeaders().add("ETag", "\"0\"");
                        exchange.sendResponseHeaders(200, -1);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    public static class OnePutFails implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", FailingS3.SERVER.url(""), "quarkus.s3.path-style-access", "true");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void aFailedPutFailsTheAttemptOnlyAfterTheOtherFilesAreStored() {
        FailingS3.SERVER.serve("/x.jpg", TestImages.jpeg(400, 300), "image/jpeg");
        String messageId = newId();
        String body = order(FailingS3.SERVER.url("/x.jpg"), FailingS3.SERVER.url("/pb")).toString();

        assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).containsExactly(messageId);

        // read as soon as the invocation answered: every PUT had ended by then
        assertThat(FailingS3.PUTS_STORED).hasSize(2).allSatisfy(path -> assertThat(path).containsAnyOf("_50x50.jpeg", "_800x800.jpeg"));
        assertThat(FailingS3.PUTS_STORED).anySatisfy(path -> assertThat(path).endsWith("_50x50.jpeg"))
                .anySatisfy(path -> assertThat(path).endsWith("_800x800.jpeg"));
        assertThat(FailingS3.PUTS_REFUSED).isNotEmpty().allSatisfy(path -> assertThat(path).endsWith("_250x250.jpeg"));
        Document record = recordOf(mongo, messageId);
        assertThat(record.getString("status")).isEqualTo("retrying");
        Document lastError = record.get("lastError", Document.class);
        assertThat(lastError.getString("code")).isEqualTo("aws_unavailable");
        assertThat(lastError.getString("reason")).startsWith("We encountered an internal error. (Service: S3, Status Code: 500");
    }
}
