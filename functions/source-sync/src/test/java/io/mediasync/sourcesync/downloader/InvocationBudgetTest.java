package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.time.Ticker;
import io.mediasync.sourcesync.LambdaContexts;
import io.mediasync.sourcesync.config.InvocationConfig;
import io.mediasync.testsupport.time.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On a test clock: the budget's time is exact, and it is exhausted the instant its deadline passes. */
class InvocationBudgetTest {

    private final TestClock clock = new TestClock();
    private final Ticker ticker = Ticker.of(clock);

    @Test
    void lambdaRemainingTimeMinusMarginBoundsTheBudget() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60)), 200,
                LambdaContexts.remaining(600_000), ticker);
        assertThat(budget.deadline().remaining()).isEqualTo(Duration.ofSeconds(540));

        clock.advance(Duration.ofSeconds(540).minusNanos(1));
        assertThat(budget.exhausted()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(budget.exhausted()).isTrue();
    }

    @Test
    void theMarginNeverTakesMoreThanAQuarter() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60)), 200,
                LambdaContexts.remaining(40_000), ticker);
        assertThat(budget.deadline().remaining()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noContextOrANonsenseOneLeavesTheConfiguredBudget() {
        InvocationConfig config = config(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(InvocationBudget.start(config, 200, null, ticker).deadline().remaining()).isEqualTo(Duration.ofSeconds(30));
        assertThat(InvocationBudget.start(config, 200, LambdaContexts.remaining(-1_700_000_000), ticker).deadline().remaining())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fileCountExhaustsIt() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(1), Duration.ofSeconds(1)), 3, null, ticker);
        assertThat(budget.exhausted()).isFalse();
        budget.countFiles(2);
        assertThat(budget.filesLeft()).isEqualTo(1);
        budget.countFiles(1);
        assertThat(budget.exhausted()).isTrue();
    }

    static InvocationConfig config(Duration budget, Duration margin) {
        return new InvocationConfig() {
            public Duration timeMargin() { return margin; }
            public Duration budget() { return budget; }
            public Duration messageReserve() { return Duration.ofSeconds(10); }
            public int maxReceiveCount() { return 5; }
        };
    }
}
