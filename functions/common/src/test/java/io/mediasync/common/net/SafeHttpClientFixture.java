package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Real HTTP against a server on 127.0.0.1. Nothing here may reach another address: refusals are proven
 * with the {@link MappedResolver} (no DNS) and the {@link ConnectGuard}, which sees every connect and
 * refuses non-loopback ones before any packet is sent.
 */
abstract class SafeHttpClientFixture {

    static final Duration SHORT = Duration.ofMillis(300);
    /** For the tests that measure timeouts; the others get room, so a busy machine cannot fail them. */
    static final FetchLimits QUICK = new FetchLimits(SHORT, SHORT, LoopbackServer.BODY_LIMIT, 5);
    static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), LoopbackServer.BODY_LIMIT, 5);
    static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.defaults().allowing(List.of("127.0.0.0/8"));

    LoopbackServer server;
    final MappedResolver names = new MappedResolver();
    final ConnectGuard guard = new ConnectGuard();
    SafeHttpClient client;

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

    SafeHttpClient newClient(AddressPolicy policy, FetchLimits limits) {
        return new SafeHttpClient(policy, names, limits, "mediasync-test/1.0", guard);
    }

    static FetchException failure(ThrowingCallable call) {
        FetchException e = catchThrowableOfType(FetchException.class, call);
        assertThat(e).as("expected a FetchException").isNotNull();
        return e;
    }

    /** A URL on the test server that redirects (302) to {@code location}; "{port}" is the server's port. */
    URI redirectTo(String location) {
        return URI.create(server.url("/to?url=" + URLEncoder.encode(location, StandardCharsets.UTF_8)));
    }

    InetSocketAddress loopbackServer() {
        return new InetSocketAddress(ip("127.0.0.1"), server.port());
    }
}
