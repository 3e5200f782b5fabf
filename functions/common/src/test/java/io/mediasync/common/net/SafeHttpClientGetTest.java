package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET: what the client sends, what it returns, and how a failed answer is classified. */
class SafeHttpClientGetTest extends SafeHttpClientFixture {

    @Test
    void returnsBodyStatusAndHeaders() throws Exception {
        FetchedBody fetched = client.get(URI.create(server.url("/ok")));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(fetched.contentType()).isEqualTo("image/png");
        assertThat(fetched.finalUri()).isEqualTo(URI.create(server.url("/ok")));
        assertThat(fetched.headers()).containsEntry("content-type", "image/png").containsEntry("x-custom", "a, b");
        assertThat(fetched.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(guard.connects()).containsExactly(loopbackServer());
    }

    @Test
    void sendsUserAgentAndRequestHeadersButNoCookiesOrCompression() throws Exception {
        client.get(URI.create(server.url("/headers")), Map.of("X-Request-Id", "abc"));

        var headers = server.seen("/headers").headers();
        assertThat(headers.getFirst("User-Agent")).isEqualTo("mediasync-test/1.0");
        assertThat(headers.getFirst("X-Request-Id")).isEqualTo("abc");
        assertThat(headers.containsKey("Cookie")).isFalse();
        assertThat(headers.containsKey("Accept-Encoding")).isFalse();
    }

    @Test
    void resolvesNamesThroughTheInjectedResolver() throws Exception {
        FetchedBody fetched = client.get(URI.create("http://images.test:" + server.port() + "/ok"));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(names.lookups()).containsExactly("images.test");
        assertThat(guard.connects()).containsExactly(loopbackServer());
    }

    @Test
    void notFoundIsAPermanentHttpStatusFailure() {
        FetchException e = failure(() -> client.get(URI.create(server.url("/status/404"))));

        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("http_404");
        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429, 408})
    void serverTroubleIsRetryable(int status) {
        FetchException e = failure(() -> client.get(URI.create(server.url("/status/" + status))));

        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void unknownNameIsARetryableNetworkFailure() {
        FetchException e = failure(() -> client.get(URI.create("http://nowhere.test/")));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.getMessage()).isEqualTo("unknown host nowhere.test");
        assertThat(e.retryable()).isTrue();
        assertThat(guard.connects()).isEmpty();
    }

    @Test
    void connectionRefusedIsARetryableNetworkFailure() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, ip("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        FetchException e = failure(() -> client.get(URI.create("http://127.0.0.1:" + closedPort + "/")));

        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).as("said once, without class names").isEqualTo("connection refused");
    }

    @Test
    void refusesHeadersTheClientManages() {
        assertThatThrownBy(() -> client.get(URI.create(server.url("/ok")), Map.of("Host", "evil.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
