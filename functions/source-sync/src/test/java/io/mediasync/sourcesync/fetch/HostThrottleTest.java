package io.mediasync.sourcesync.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.lambda.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

    @Test
    void startsToOneHostAreSpacedByTheMinimumInterval() throws Exception {
        HostThrottle throttle = new HostThrottle(4, Duration.ofMillis(50));
        List<Long> starts = new ArrayList<>();
        long before = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            try (HostThrottle.Permit p = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5)))) {
                starts.add(System.nanoTime());
            }
        }
        // the n-th start is never earlier than n intervals after the first could begin (a busy machine only delays)
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - before)).isGreaterThanOrEqualTo(Duration.ofMillis(50L * i));
        }
    }

    @Test
    void anotherHostIsNotHeldBack() throws Exception {
        HostThrottle throttle = new HostThrottle(4, Duration.ofSeconds(30));
        throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        long before = System.nanoTime();
        throttle.acquire("b.example:80", Deadline.in(Duration.ofSeconds(5))).close();
        // a.example's next start is 30 s away; b.example starts at once
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void concurrencyPerHostIsCapped() throws Exception {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 12; i++) {
            pool.submit(() -> {
                try (HostThrottle.Permit p = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(10)))) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(20);
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
        HostThrottle throttle = new HostThrottle(1, Duration.ZERO);
        try (HostThrottle.Permit held = throttle.acquire("a.example:80", Deadline.in(Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> throttle.acquire("a.example:80", Deadline.in(Duration.ofMillis(50))))
                    .isInstanceOf(InterruptedException.class);
        }
    }
}
