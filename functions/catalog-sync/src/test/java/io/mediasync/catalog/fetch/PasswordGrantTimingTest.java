package io.mediasync.catalog.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.AddressPolicy;
import io.mediasync.common.net.FetchLimits;
import io.mediasync.common.net.HostResolver;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.time.Ticker;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.time.RecordingSleeper;
import io.mediasync.testsupport.time.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the grant renews its token and how long it waits between retrievals, on a test clock: exact, not timed. */
class PasswordGrantTimingTest {

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final AtomicInteger issued = new AtomicInteger();
    private HttpFixture server;
    private SafeHttpClient http;
    private PasswordGrant grant;

    @BeforeEach
    void start() {
        server = new HttpFixture();
        server.handle("/token", exchange -> HttpFixture.respond(exchange, 200, ("{\"access_token\":\"tok-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":60}").getBytes(StandardCharsets.UTF_8), "application/json"));
        http = new SafeHttpClient(AddressPolicy.fromAllowList("127.0.0.0/8"), HostResolver.system(),
                new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 65_536, 0), "test");
        grant = grant("/token");
    }

    private PasswordGrant grant(String path) {
        return new PasswordGrant(http, new ObjectMapper(), URI.create(server.url(path)), PasswordGrant.CredentialsSource.fixed("user", "pw"),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), clock, sleeper::sleep);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
    }

    @Test
    void aTokenIsKeptUntilRenewBeforeItsExpiryThenRenewed() throws Exception {
        assertThat(grant.token(Deadline.none())).contains("tok-1");
        clock.advance(Duration.ofSeconds(49)); // expires_in 60 s, renewed 10 s before: at 50 s
        assertThat(grant.token(Deadline.none())).contains("tok-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(grant.token(Deadline.none())).contains("tok-2");
        assertThat(grant.retrievals()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedHalfwayAtTheLatest() throws Exception {
        server.handle("/short", exchange -> HttpFixture.respond(exchange, 200, ("{\"access_token\":\"short-" + issued.incrementAndGet()
                + "\",\"expires_in\":8}").getBytes(StandardCharsets.UTF_8), "application/json"));
        PasswordGrant shortLived = grant("/short");
        assertThat(shortLived.token(Deadline.none())).contains("short-1");
        clock.advance(Duration.ofMillis(3_999));
        assertThat(shortLived.token(Deadline.none())).contains("short-1");
        clock.advance(Duration.ofMillis(1));
        assertThat(shortLived.token(Deadline.none())).contains("short-2");
    }

    @Test
    void aFailingTokenEndpointIsTriedAgainEveryIntervalWhileTheRunHasTime() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        server.handle("/flaky", exchange -> {
            int n = tries.incrementAndGet();
            HttpFixture.respond(exchange, n <= 2 ? 503 : 200, (n <= 2 ? "busy" : "{\"access_token\":\"late\"}")
                    .getBytes(StandardCharsets.UTF_8), n <= 2 ? "text/plain" : "application/json");
        });
        assertThat(grant("/flaky").token(Deadline.in(Duration.ofMinutes(1)))).contains("late");
        assertThat(sleeper.waits()).as("INTERVAL_RETRY_TOKEN_SECONDS after each failed try")
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void noRetryWhenTheIntervalWouldReachTheRunsDeadline() {
        server.status("/down", 503);
        assertThatThrownBy(() -> grant("/down").token(Deadline.in(Duration.ofSeconds(4))))
                .isInstanceOf(CatalogFailure.class).hasMessageContaining("(attempt 1)");
        assertThat(sleeper.waits()).isEmpty();
    }

    /** The run's deadline on the same test clock the waits move: retried every interval until the next wait would reach it. */
    @Test
    void aTokenEndpointThatStaysDownIsTriedEveryIntervalUntilTheRunsDeadline() {
        server.status("/down", 503);
        Deadline run = Deadline.in(Duration.ofSeconds(12), Ticker.of(clock));

        assertThatThrownBy(() -> grant("/down").token(run)).isInstanceOf(CatalogFailure.class).hasMessageContaining("(attempt 3)");
        assertThat(sleeper.waits()).as("at 0 s and 5 s; at 10 s the next 5 s would pass the deadline")
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(run.remaining()).isEqualTo(Duration.ofSeconds(2));
    }
}
