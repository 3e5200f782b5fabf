package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.time.Ticker;
import io.mediasync.testsupport.time.TestClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A deadline on a test clock: it passes at its instant exactly, and an invocation's is Lambda's less the margin. */
class DeadlineTest {

    private final TestClock clock = new TestClock();
    private final Ticker ticker = Ticker.of(clock);

    @Test
    void passesAtItsInstantToTheNanosecond() {
        Deadline deadline = Deadline.in(Duration.ofSeconds(2), ticker);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.remaining()).isEqualTo(Duration.ofNanos(1));

        clock.advance(Duration.ofNanos(1));
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.remaining()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(deadline.remaining()).as("never negative").isZero();
    }

    @Test
    void anInvocationEndsItsMarginBeforeLambdasDeadlineAndTheMarginTakesAtMostAQuarter() {
        Duration cap = Duration.ofMinutes(10);
        assertThat(Deadline.forInvocation(remaining(60_000), Duration.ofSeconds(5), cap, ticker).remaining())
                .isEqualTo(Duration.ofSeconds(55));
        assertThat(Deadline.forInvocation(remaining(6_000), Duration.ofSeconds(5), cap, ticker).remaining())
                .as("a quarter of 6 s").isEqualTo(Duration.ofMillis(4_500));
        assertThat(Deadline.forInvocation(remaining(60_000), Duration.ofSeconds(5), Duration.ofSeconds(20), ticker).remaining())
                .as("the cap").isEqualTo(Duration.ofSeconds(20));
        assertThat(Deadline.forInvocation(null, Duration.ofSeconds(5), Duration.ofSeconds(20), ticker).remaining())
                .as("no Lambda context").isEqualTo(Duration.ofSeconds(20));
        assertThat(Deadline.forInvocation(remaining(16 * 60_000), Duration.ofSeconds(5), Duration.ofSeconds(20), ticker).remaining())
                .as("more than Lambda's longest timeout: a mock event server").isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void earlierAndMin() {
        Deadline run = Deadline.in(Duration.ofSeconds(30), ticker);
        Deadline request = Deadline.in(Duration.ofSeconds(10), ticker);

        assertThat(run.earlier(Duration.ofSeconds(5)).remaining()).isEqualTo(Duration.ofSeconds(25));
        assertThat(run.min(request)).isSameAs(request);
        assertThat(request.min(run)).isSameAs(request);
        Deadline onTheSystemClock = Deadline.in(Duration.ofDays(1));
        assertThat(run.min(onTheSystemClock)).as("on two tickers: the one with less time left").isSameAs(run);
        assertThat(onTheSystemClock.min(run)).isSameAs(run);
    }

    private static Context remaining(int millis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? millis : null);
    }
}
