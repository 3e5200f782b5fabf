package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST: the status and a snippet whatever the answer, or (postForBody) a whole 2xx body; never a redirect. */
class SafeHttpClientPostTest extends SafeHttpClientFixture {

    @Test
    void sendsBodyContentTypeAndHeadersAndReturnsTheStatus() throws Exception {
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

        PostResult result = client.post(URI.create(server.url("/echo")), body, "application/json",
                Map.of("webhook-id", "msg_1", "webhook-signature", "v1,abc"));

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.successful()).isTrue();
        assertThat(result.bodySnippet()).startsWith("created ").hasSize(1024);
        LoopbackServer.Seen seen = server.seen("/echo");
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(seen.headers().getFirst("webhook-id")).isEqualTo("msg_1");
        assertThat(seen.headers().getFirst("webhook-signature")).isEqualTo("v1,abc");
        assertThat(seen.headers().getFirst("User-Agent")).isEqualTo("mediasync-test/1.0");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 500, 503})
    void nonSuccessStatusesAreReturnedNotThrown(int status) throws Exception {
        PostResult result = client.post(URI.create(server.url("/status/" + status)), new byte[0], "text/plain", Map.of());

        assertThat(result.status()).isEqualTo(status);
        assertThat(result.successful()).isFalse();
        assertThat(result.bodySnippet()).isEqualTo("status page");
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        PostResult result = client.post(URI.create(server.url("/redirect-307")), new byte[] {1}, null, Map.of());

        assertThat(result.status()).isEqualTo(307);
        assertThat(server.seen("/ok")).isNull();
        assertThat(guard.connects()).hasSize(1);
    }

    @Test
    void badUrlIsRejected() {
        assertThat(failure(() -> client.post(URI.create("file:///tmp/x"), new byte[0], null, Map.of())).kind())
                .isEqualTo(Kind.BAD_URL);
    }

    // ---- postForBody

    @Test
    void readsTheWholeAnswerPastThePostSnippet() throws Exception {
        FetchedBody answer = client.postForBody(URI.create(server.url("/echo")), "a=1".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", Map.of("Accept", "application/json"), Deadline.none());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("created " + "y".repeat(3000));
        assertThat(server.seen("/echo").method()).isEqualTo("POST");
        assertThat(new String(server.seen("/echo").body(), StandardCharsets.UTF_8)).isEqualTo("a=1");
        assertThat(server.seen("/echo").headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void aNon2xxAnswerIsAnHttpStatusFailureAndRedirectsAreNotFollowed() {
        assertThat(failure(() -> client.postForBody(URI.create(server.url("/status/401")), new byte[0], "text/plain", Map.of(),
                Deadline.none())).code()).isEqualTo("http_401");
        assertThat(failure(() -> client.postForBody(URI.create(server.url("/redirect-302")), new byte[0], "text/plain", Map.of(),
                Deadline.none())).code()).isEqualTo("http_302");
    }
}
