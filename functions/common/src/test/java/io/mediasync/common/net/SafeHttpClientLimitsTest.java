package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException.Kind;
import java.net.SocketTimeoutException;
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
        FetchException e = failure(() -> client.get(URI.create(server.url("/big-declared"))));

        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e.code()).isEqualTo("too_large");
        assertThat(e.retryable()).isFalse();
        // refused on the declared Content-Length, before reading the body
        assertThat(e.getMessage()).isEqualTo("response body of 10485760 bytes exceeds the limit of " + LoopbackServer.BODY_LIMIT + " bytes");
    }

    @Test
    void chunkedBodyOverTheCapStopsAtTheCap() {
        FetchException e = failure(() -> client.get(URI.create(server.url("/big-chunked"))));

        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        // the server would send 100 MiB; the byte count stopped the client at the cap, no timer
        assertThat(e.getMessage()).isEqualTo("response body exceeds the limit of " + LoopbackServer.BODY_LIMIT + " bytes");
    }

    @Test
    void stalledServerTimesOutAfterTheReadTimeout() throws Exception {
        try (SafeHttpClient quick = newClient(LOOPBACK_ALLOWED, QUICK)) {
            FetchException e = failure(() -> quick.get(URI.create(server.url("/stall"))));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.code()).isEqualTo("timeout");
            assertThat(e.retryable()).isTrue();
            // the socket's read timeout ended it (the server stalls 10 s), not the total cap
            assertThat(e.getMessage()).isEqualTo("timed out waiting for an answer");
            assertThat(e).hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void dribblingServerIsCutOffByTheTotalCap() throws Exception {
        try (SafeHttpClient quick = newClient(LOOPBACK_ALLOWED, QUICK)) {
            FetchException e = failure(() -> quick.get(URI.create(server.url("/dribble"))));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            // a byte every 100 ms never trips the 300 ms read timeout: the total cap did
            assertThat(e.getMessage()).isEqualTo("took longer than the total limit of " + QUICK.totalTimeout().toMillis() + " ms");
        }
    }

    @Test
    void theInvocationDeadlineCutsADownloadShortWithItsOwnCode() {
        FetchException e = failure(() -> client.get(URI.create(server.url("/dribble")), Map.of(),
                Deadline.in(Duration.ofMillis(300))));

        assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
        assertThat(e.code()).isEqualTo("timed_out");
        assertThat(e.retryable()).isTrue();
        // the invocation's deadline ended it, not the client's own 15 s cap (that would be a TIMEOUT)
        assertThat(e.getMessage()).startsWith("stopped at the invocation's deadline, after ");
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
