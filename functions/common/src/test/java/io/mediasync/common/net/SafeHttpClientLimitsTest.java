package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounds of a call: the body cap, the read timeout, the total cap and the invocation's deadline. */
class SafeHttpClientLimitsTest extends SafeHttpClientFixture {

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
