package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.sourcesync.LambdaContexts;
import io.mediasync.sourcesync.config.InvocationConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

    @Test
    void lambdaRemainingTimeMinusMarginBoundsTheBudget() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60)), 200, LambdaContexts.remaining(600_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(535), Duration.ofSeconds(540));
    }

    @Test
    void theMarginNeverTakesMoreThanAQuarter() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60)), 200, LambdaContexts.remaining(40_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void noContextOrANonsenseOneLeavesTheConfiguredBudget() {
        InvocationConfig config = config(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(InvocationBudget.start(config, 200, null).deadline().remaining()).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(30));
        assertThat(InvocationBudget.start(config, 200, LambdaContexts.remaining(-1_700_000_000)).deadline().remaining())
                .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void fileCountExhaustsIt() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(1), Duration.ofSeconds(1)), 3, null);
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
