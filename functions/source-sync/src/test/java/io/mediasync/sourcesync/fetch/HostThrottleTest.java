package io.mediasync.sourcesync.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.testsupport.time.RecordingSleeper;
import io.mediasync.testsupport.time.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

    private final TestClock clock = new TestClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private HostThrottle throttle(int slots, Duration minInterval) {
        return new HostThrottle(slots, minInterval, clock, sleeper::sleep);
    }

    @Test
    void startsToOneHostAreSpacedByTheMinimumInterval() throws Exception {
        HostThrottle throttle = throttle(4, Duration.ofMillis(50));
        Instant first = clock.instant();
        List<Duration> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try (HostThrottle.Permit p = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5)))) {
                starts.add(Duration.between(first, clock.instant()));
            }
        }
        assertThat(starts).containsExactly(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void aStartLongAfterTheLastOneWaitsForNothing() throws Exception {
        HostThrottle throttle = throttle(4, Duration.ofMillis(50));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        clock.advance(Duration.ofSeconds(1));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        assertThat(sleeper.realWaits()).isEmpty();
    }

    @Test
    void aWallClockSetBackDoesNotStallTheHost() throws Exception {
        HostThrottle throttle = throttle(2, Duration.ofMillis(50));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        clock.advance(Duration.ofHours(-1));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        assertThat(sleeper.realWaits()).as("at most the slots ahead of it: 2 x 50 ms").containsExactly(Duration.ofMillis(100));
    }

    @Test
    void anotherHostIsNotHeldBack() throws Exception {
        HostThrottle throttle = throttle(4, Duration.ofSeconds(30));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        throttle.acquire("b.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        // a.example's next start is 30 s away; b.example starts at once
        assertThat(sleeper.realWaits()).isEmpty();
    }

    @Test
    void concurrencyPerHostIsCapped() throws Exception {
        HostThrottle throttle = throttle(2, Duration.ZERO);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 12; i++) {
            pool.submit(() -> {
                try (HostThrottle.Permit p = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(10)))) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    twoIn.countDown();
                    twoIn.await(); // the first two hold their slots until both are in: the cap is reached, not guessed
                    inFlight.decrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void waitingEndsAtTheDeadline() throws Exception {
        HostThrottle throttle = throttle(1, Duration.ZERO);
        try (HostThrottle.Permit held = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> throttle.acquire("a.example:80", Deadline.in(Duration.ofMillis(50))))
                    .isInstanceOf(InterruptedException.class);
        }
    }
}
