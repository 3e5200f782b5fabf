package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects: followed up to the cap, every hop checked, the caller's headers kept to their origin. */
class SafeHttpClientRedirectTest extends SafeHttpClientFixture {

    @Test
    void followsAChainUpToTheCap() throws Exception {
        FetchedBody fetched = client.get(URI.create(server.url("/r/5")));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("done");
        assertThat(fetched.finalUri()).isEqualTo(URI.create(server.url("/r/0")));
        assertThat(guard.connects()).hasSize(6).containsOnly(loopbackServer());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void followsEveryRedirectStatus(int status) throws Exception {
        assertThat(client.get(URI.create(server.url("/redirect-" + status))).finalUri())
                .isEqualTo(URI.create(server.url("/ok")));
    }

    @Test
    void failsOverTheCap() {
        FetchException e = failure(() -> client.get(URI.create(server.url("/r/6"))));

        assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
        assertThat(e.retryable()).isFalse();
        assertThat(guard.connects()).hasSize(6);
    }

    @Test
    void zeroRedirectsAllowedMeansNone() throws Exception {
        try (SafeHttpClient strict = newClient(LOOPBACK_ALLOWED, new FetchLimits(SHORT, SHORT, 1024, 0))) {
            assertThat(failure(() -> strict.get(URI.create(server.url("/r/1")))).kind())
                    .isEqualTo(Kind.TOO_MANY_REDIRECTS);
        }
    }

    @Test
    void redirectWithoutLocationIsAnHttpStatusFailure() {
        FetchException e = failure(() -> client.get(URI.create(server.url("/redirect-without-location"))));

        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.status()).isEqualTo(302);
    }

    @Test
    void redirectToCloudMetadataNameIsBlockedBeforeConnecting() {
        FetchException e = failure(() -> client.get(redirectTo("http://metadata.test/latest/meta-data/")));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(e.code()).isEqualTo("blocked_address");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("metadata.test").contains("169.254.169.254 is link-local (cloud metadata)");
        assertThat(names.lookups()).containsExactly("metadata.test");
        assertThat(guard.connects()).as("only the first hop connected").containsExactly(loopbackServer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/", "http://intranet.test/", "http://[::ffff:10.0.0.1]/",
            "http://0xa9fea9fe/", "http://mapped.test/", "https://10.0.0.1/"})
    void redirectToInternalAddressesIsBlocked(String location) {
        FetchException e = failure(() -> client.get(redirectTo(location)));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).containsExactly(loopbackServer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "ftp://127.0.0.1/"})
    void redirectToOtherSchemesIsABadUrl(String location) {
        FetchException e = failure(() -> client.get(redirectTo(location)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_URL);
        assertThat(e.retryable()).isFalse();
        assertThat(guard.connects()).containsExactly(loopbackServer());
    }

    @Test
    void everyCallerHeaderIsDroppedWhenTheRedirectLeavesTheOrigin() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer secret", "X-Api-Key", "k-123", "X-Trace", "t1");

        client.get(redirectTo("http://other.test:{port}/headers"), headers);

        var seen = server.seen("/headers").headers();
        assertThat(seen.containsKey("Authorization")).isFalse();
        assertThat(seen.containsKey("X-Api-Key")).isFalse();
        assertThat(seen.containsKey("X-Trace")).isFalse();
    }

    @Test
    void anotherPortIsAnotherOrigin() throws Exception {
        try (LoopbackServer other = new LoopbackServer()) {
            client.get(redirectTo("http://127.0.0.1:" + other.port() + "/headers"), Map.of("X-Api-Key", "k-123"));

            assertThat(other.seen("/headers").headers().containsKey("X-Api-Key")).isFalse();
        }
    }

    @Test
    void headersAreKeptOnSameOriginRedirects() throws Exception {
        client.get(redirectTo("/headers"), Map.of("Authorization", "Bearer secret", "X-Api-Key", "k-123"));

        assertThat(server.seen("/headers").headers().getFirst("Authorization")).isEqualTo("Bearer secret");
        assertThat(server.seen("/headers").headers().getFirst("X-Api-Key")).isEqualTo("k-123");
    }
}
