package io.mediasync.sourcesync.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.AddressPolicy;
import io.mediasync.common.net.Backoff;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.FetchLimits;
import io.mediasync.common.net.HostResolver;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.time.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {

    private HttpFixture http;
    private SafeHttpClient client;
    private RecordingSleeper sleeper;
    private PoliteFetcher fetcher;

    @BeforeEach
    void start() {
        http = new HttpFixture();
        client = new SafeHttpClient(AddressPolicy.fromAllowList("127.0.0.0/8"), HostResolver.system(),
                new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1_000_000, 3), "test");
        sleeper = new RecordingSleeper();
        fetcher = fetcher(2, 3, new Backoff(Duration.ofMillis(10), Duration.ofMillis(200)));
    }

    private PoliteFetcher fetcher(int hostSlots, int retries, Backoff backoff) {
        return fetcher(new HostThrottle(hostSlots, Duration.ZERO, sleeper.clock(), sleeper::sleep), retries, backoff);
    }

    private PoliteFetcher fetcher(HostThrottle throttle, int retries, Backoff backoff) {
        return new PoliteFetcher(client, throttle, RetryPolicy.backoff(PoliteFetcher::retriedHere, retries, backoff,
                sleeper::sleep, sleeper.clock()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        http.close();
    }

    @Test
    void notModifiedIsAnAnswer() throws Exception {
        http.handle("/feed", exchange -> {
            boolean match = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            exchange.sendResponseHeaders(match ? 304 : 200, -1);
        });
        assertThat(fetcher.get(URI.create(http.url("/feed")), Map.of("If-None-Match", "\"v1\""), Deadline.in(Duration.ofSeconds(5))))
                .isInstanceOf(FetchOutcome.NotModified.class);
        assertThat(fetcher.get(URI.create(http.url("/feed")), Map.of(), Deadline.in(Duration.ofSeconds(5))))
                .isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/busy", exchange -> {
            int n = calls.incrementAndGet();
            HttpFixture.respond(exchange, n == 1 ? 503 : n == 2 ? 429 : 200, "ok".getBytes(), "text/plain");
        });
        FetchOutcome outcome = fetcher.get(URI.create(http.url("/busy")), Map.of(), Deadline.in(Duration.ofSeconds(5)));
        assertThat(((FetchOutcome.Fetched) outcome).body().body()).isEqualTo("ok".getBytes());
        assertThat(calls).hasValue(3);
        // equal jitter: each wait is between half and all of 10 ms, then 20 ms
        assertThat(sleeper.realWaits()).hasSize(2);
        assertThat(sleeper.realWaits().get(0)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(sleeper.realWaits().get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void retryAfterFromTheServerIsHonoured() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/later", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "2");
                HttpFixture.respond(exchange, 429, "slow down".getBytes(), "text/plain");
            } else {
                HttpFixture.respond(exchange, 200, "ok".getBytes(), "text/plain");
            }
        });
        PoliteFetcher patient = fetcher(2, 3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5)));
        FetchOutcome outcome = patient.get(URI.create(http.url("/later")), Map.of(), Deadline.in(Duration.ofSeconds(10)));
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        // the backoff's first step is far shorter than 2 s: it waited exactly what the header asked
        assertThat(sleeper.realWaits()).containsExactly(Duration.ofSeconds(2));
        assertThat(calls).hasValue(2);
    }

    @Test
    void retryAfterIsHonouredOnlyUpToTheBackoffCap() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/much-later", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "3600");
                HttpFixture.respond(exchange, 503, "later".getBytes(), "text/plain");
            } else {
                HttpFixture.respond(exchange, 200, "ok".getBytes(), "text/plain");
            }
        });
        PoliteFetcher capped = fetcher(2, 3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5)));
        assertThat(capped.get(URI.create(http.url("/much-later")), Map.of(), Deadline.in(Duration.ofSeconds(10))))
                .isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(sleeper.realWaits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void clientErrorsAreNotRetriedAndRetriesStopAtTheLimit() {
        AtomicInteger notFound = new AtomicInteger();
        http.handle("/missing", exchange -> {
            notFound.incrementAndGet();
            HttpFixture.respond(exchange, 404, "no".getBytes(), "text/plain");
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(http.url("/missing")), Map.of(), Deadline.in(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.code()).isEqualTo("http_404"));
        assertThat(notFound).hasValue(1);

        AtomicInteger broken = new AtomicInteger();
        http.handle("/broken", exchange -> {
            broken.incrementAndGet();
            HttpFixture.respond(exchange, 500, "no".getBytes(), "text/plain");
        });
        assertThatThrownBy(() -> fetcher.get(URI.create(http.url("/broken")), Map.of(), Deadline.in(Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(broken).hasValue(4);
        assertThat(sleeper.realWaits()).as("3 retries, none after the last try").hasSize(3);
    }

    @Test
    void noBackoffSleepsPastTheDeadline() {
        AtomicInteger calls = new AtomicInteger();
        http.handle("/down", exchange -> {
            calls.incrementAndGet();
            HttpFixture.respond(exchange, 503, "no".getBytes(), "text/plain");
        });
        PoliteFetcher patient = fetcher(1, 5, new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThatThrownBy(() -> patient.get(URI.create(http.url("/down")), Map.of(), Deadline.in(Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(FetchException.class, e -> { // cut off by the deadline: a downloader defers it
                    assertThat(e.code()).isEqualTo("timed_out");
                    assertThat(e.getMessage()).contains("answered 503");
                });
        assertThat(calls).hasValue(1);
        assertThat(sleeper.realWaits()).as("the 5-10 s backoff would end after the 2 s deadline: not taken").isEmpty();
    }

    @Test
    void noSlotForTheHostBeforeTheDeadlineIsTheDeadlineNotAFailureOfTheFile() throws Exception {
        HostThrottle throttle = new HostThrottle(1, Duration.ZERO, sleeper.clock(), sleeper::sleep);
        PoliteFetcher oneAtATime = fetcher(throttle, 0, new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)));
        URI uri = URI.create(http.url("/queued"));
        try (HostThrottle.Permit busy = throttle.acquire(uri.getHost() + ":" + uri.getPort(), Deadline.none())) {
            assertThatThrownBy(() -> oneAtATime.get(uri, Map.of(), Deadline.in(Duration.ofMillis(200))))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.DEADLINE));
        }
    }
}
