package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mediasync.common.net.FetchException.Kind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.mediasync.common.lambda.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real HTTP against a server on 127.0.0.1. Nothing here may reach another address: refusals are proven
 * with the {@link MappedResolver} (no DNS) and the {@link ConnectGuard}, which sees every connect and
 * refuses non-loopback ones before any packet is sent.
 */
class SafeHttpClientTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** For the tests that measure timeouts; the others get room, so a busy machine cannot fail them. */
    private static final FetchLimits QUICK = new FetchLimits(SHORT, SHORT, LoopbackServer.BODY_LIMIT, 5);
    private static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), LoopbackServer.BODY_LIMIT, 5);
    private static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.defaults().allowing(List.of("127.0.0.0/8"));

    private LoopbackServer server;
    private final MappedResolver names = new MappedResolver();
    private final ConnectGuard guard = new ConnectGuard();
    private SafeHttpClient client;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        client = newClient(LOOPBACK_ALLOWED, LIMITS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        assertThat(guard.violations()).as("connects to non-loopback addresses").isEmpty();
    }

    private SafeHttpClient newClient(AddressPolicy policy, FetchLimits limits) {
        return new SafeHttpClient(policy, names, limits, "mediasync-test/1.0", guard);
    }

    private static FetchException failure(ThrowingCallable call) {
        FetchException e = catchThrowableOfType(FetchException.class, call);
        assertThat(e).as("expected a FetchException").isNotNull();
        return e;
    }

    /** A URL on the test server that redirects (302) to {@code location}; "{port}" is the server's port. */
    private URI redirectTo(String location) {
        return URI.create(server.url("/to?url=" + URLEncoder.encode(location, StandardCharsets.UTF_8)));
    }

    private InetSocketAddress loopbackServer() {
        return new InetSocketAddress(ip("127.0.0.1"), server.port());
    }

    @Nested
    class Get {

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

    @Nested
    class Redirects {

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

    @Nested
    class AddressGuard {

        @ParameterizedTest
        @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://192.168.1.1:8080/",
                "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/",
                "http://[::1]/", "http://0.0.0.0/", "http://0xa9fea9fe/", "http://2852039166/", "http://012.1.2.3/",
                "http://[64:ff9b::a01:203]/", "http://[2002:a01:203::1]/", "https://100.64.0.1/"})
        void ipLiteralsAreCheckedWithoutConnectingOrResolving(String url) {
            FetchException e = failure(() -> client.get(URI.create(url)));

            assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
            assertThat(guard.connects()).isEmpty();
            assertThat(names.lookups()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"metadata.test", "intranet.test", "mapped.test", "mixed.test"})
        void namesResolvingToRefusedAddressesAreBlockedBeforeConnecting(String host) {
            FetchException e = failure(() -> client.get(URI.create("http://" + host + ":" + server.port() + "/ok")));

            assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
            assertThat(guard.connects()).isEmpty();
            assertThat(server.requests()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0x7f000001", "2130706433", "0177.0.0.1", "127.0.0.1", "[::ffff:127.0.0.1]", "mapped-loopback.test"})
        void numericSpellingsOfLoopbackReallyMeanLoopback(String host) throws Exception {
            FetchedBody fetched = client.get(URI.create("http://" + host + ":" + server.port() + "/ok"));

            assertThat(fetched.status()).isEqualTo(200);
            assertThat(guard.connects()).hasSize(1);
            assertThat(guard.connects().get(0).getPort()).isEqualTo(server.port());
        }

        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1", "0x7f000001", "2130706433", "0177.0.0.1", "images.test", "[::ffff:127.0.0.1]"})
        void defaultPolicyRefusesEvenTheLoopbackServer(String host) throws Exception {
            try (SafeHttpClient strict = newClient(AddressPolicy.defaults(), LIMITS)) {
                FetchException e = failure(() -> strict.get(URI.create("http://" + host + ":" + server.port() + "/ok")));

                assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
                assertThat(e.getMessage()).contains("127.0.0.1 is loopback");
            }
            assertThat(guard.connects()).isEmpty();
            assertThat(server.requests()).isZero();
        }

        @Test
        void postIsGuardedToo() throws Exception {
            try (SafeHttpClient strict = newClient(AddressPolicy.defaults(), LIMITS)) {
                FetchException e = failure(() -> strict.post(URI.create(server.url("/echo")), new byte[0], null, Map.of()));
                assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
            }
            FetchException e = failure(() -> client.post(URI.create("http://metadata.test/"), new byte[0], null, Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
            assertThat(guard.connects()).isEmpty();
        }
    }

    @Nested
    class PostForBody {

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

    @Nested
    class BadUrls {

        @ParameterizedTest
        @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "ftp://127.0.0.1/", "/ok",
                "http://user:pw@127.0.0.1/ok", "http://127.1/", "http://1.2.3.999/"})
        void areRejectedBeforeAnyNetworkActivity(String url) {
            FetchException e = failure(() -> client.get(URI.create(url)));

            assertThat(e.kind()).isEqualTo(Kind.BAD_URL);
            assertThat(e.code()).isEqualTo("bad_url");
            assertThat(e.retryable()).isFalse();
            assertThat(guard.connects()).isEmpty();
            assertThat(names.lookups()).isEmpty();
        }

        @Test
        void nullIsABadUrl() {
            assertThat(failure(() -> client.get(null)).kind()).isEqualTo(Kind.BAD_URL);
        }
    }

    @Nested
    class Limits {

        @Test
        void bodyExactlyAtTheCapIsAccepted() throws Exception {
            assertThat(client.get(URI.create(server.url("/exact"))).body()).hasSize(LoopbackServer.BODY_LIMIT);
        }

        @Test
        void declaredLengthOverTheCapFailsEarly() {
            long start = System.nanoTime();
            FetchException e = failure(() -> client.get(URI.create(server.url("/big-declared"))));

            assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
            assertThat(e.code()).isEqualTo("too_large");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("10485760");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void chunkedBodyOverTheCapStopsAtTheCap() {
            long start = System.nanoTime();
            FetchException e = failure(() -> client.get(URI.create(server.url("/big-chunked"))));

            assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
            // the server would send 100 MiB; stopping at the cap is quick
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void stalledServerTimesOutAfterTheReadTimeout() throws Exception {
            try (SafeHttpClient quick = newClient(LOOPBACK_ALLOWED, QUICK)) {
                long start = System.nanoTime();
                FetchException e = failure(() -> quick.get(URI.create(server.url("/stall"))));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(e.code()).isEqualTo("timeout");
                assertThat(e.retryable()).isTrue();
                assertThat(took).isGreaterThanOrEqualTo(SHORT.minusMillis(50)).isLessThan(Duration.ofSeconds(10));
            }
        }

        @Test
        void dribblingServerIsCutOffByTheTotalCap() throws Exception {
            try (SafeHttpClient quick = newClient(LOOPBACK_ALLOWED, QUICK)) {
                long start = System.nanoTime();
                FetchException e = failure(() -> quick.get(URI.create(server.url("/dribble"))));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(e.getMessage()).contains("total limit");
                assertThat(took).isGreaterThanOrEqualTo(QUICK.totalTimeout().minusMillis(50)).isLessThan(Duration.ofSeconds(10));
            }
        }

        @Test
        void theInvocationDeadlineCutsADownloadShortWithItsOwnCode() {
            long start = System.nanoTime();
            FetchException e = failure(() -> client.get(URI.create(server.url("/dribble")), Map.of(),
                    Deadline.in(Duration.ofMillis(300))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
            assertThat(e.code()).isEqualTo("timed_out");
            assertThat(e.retryable()).isTrue();
            // well before the client's own 15 s cap
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        void nothingIsSentOnceTheDeadlineHasPassed() {
            FetchException e = failure(() -> client.post(URI.create(server.url("/headers")), new byte[] {1}, null, Map.of(),
                    Deadline.in(Duration.ZERO)));

            assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
            assertThat(guard.connects()).isEmpty();
        }

        @Test
        void postToAStalledServerTimesOut() throws Exception {
            SafeHttpClient quick = newClient(LOOPBACK_ALLOWED, QUICK);
            FetchException e = failure(() -> quick.post(URI.create(server.url("/stall")), new byte[] {1}, null, Map.of()));
            quick.close();

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        }
    }

    @Nested
    class Post {

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
    }
}
