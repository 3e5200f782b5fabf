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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * S3 accepts the connection and never answers: every S3 call gets only the time left before the message's
 * deadline, so the attempt ends at the deadline, given back and recorded as such, never left at "processing"
 * while the call waits out its own socket timeout past Lambda's.
 */
@QuarkusTest
@TestProfile(S3StallTest.StalledS3.class)
class S3StallTest extends ResizerTestSupport {

    /** A loopback server that completes the TCP handshake, reads, and never writes a byte. */
    static final class BlackHole {
        static final BlackHole INSTANCE = new BlackHole();
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private BlackHole() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept()); // held open, never answered
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "s3-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }
    }

    /** A function with 6 s of invocation; the image downloads at once, S3 stalls. */
    public static class StalledS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:" + BlackHole.INSTANCE.port(),
                    "mediasync.invocation.budget", "PT6S", "mediasync.invocation.message-reserve", "PT1S");
        }
    }

    @Inject
    MongoClient mongo;

    @Test
    void aStalledS3CutsTheAttemptAtItsDeadlineAndTheRecordSaysSo() {
        try (HttpFixture http = new HttpFixture()) {
            http.serve("/x.jpg", TestImages.jpeg(400, 300), "image/jpeg");
            String messageId = newId();
            String body = order(http.url("/x.jpg"), http.url("/pb")).toString();

            assertThat(failedIds(invoke(SqsEventJson.event(record(messageId, body, 1))))).containsExactly(messageId);

            Document record = recordOf(mongo, messageId);
            assertThat(record.getString("status")).isEqualTo("retrying");
            assertThat(record.get("lastError", Document.class).getString("code")).isEqualTo("timed_out");
            assertThat(BlackHole.INSTANCE.held).as("S3 was called, and held").isNotEmpty();
        }
    }
}
