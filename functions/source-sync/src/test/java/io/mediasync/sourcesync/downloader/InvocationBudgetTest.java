package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.sourcesync.LambdaContexts;
import io.mediasync.sourcesync.config.SyncConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

    @Test
    void lambdaRemainingTimeMinusMarginBoundsTheBudget() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60), 200), LambdaContexts.remaining(600_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(535), Duration.ofSeconds(540));
    }

    @Test
    void theMarginNeverTakesMoreThanAQuarter() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60), 200), LambdaContexts.remaining(40_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void noContextOrANonsenseOneLeavesTheConfiguredBudget() {
        SyncConfig config = config(Duration.ofSeconds(30), Duration.ofSeconds(60), 200);
        assertThat(InvocationBudget.start(config, null).deadline().remaining()).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(30));
        assertThat(InvocationBudget.start(config, LambdaContexts.remaining(-1_700_000_000)).deadline().remaining())
                .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void fileCountExhaustsIt() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(1), Duration.ofSeconds(1), 3), null);
        assertThat(budget.exhausted()).isFalse();
        budget.countFiles(2);
        assertThat(budget.filesLeft()).isEqualTo(1);
        budget.countFiles(1);
        assertThat(budget.exhausted()).isTrue();
    }

    static SyncConfig config(Duration budget, Duration margin, int maxFiles) {
        return new SyncConfig() {
            public int maxFilesPerInvocation() { return maxFiles; }
            public Duration invocationBudget() { return budget; }
            public Duration timeMargin() { return margin; }
            public Duration messageReserve() { return Duration.ofSeconds(10); }
            public int parallelDownloads() { return 1; }
            public int maxListingPages() { return 20; }
            public int maxListingItems() { return 20000; }
            public Duration runStaleAfter() { return Duration.ofMinutes(30); }
            public Duration fullSyncEvery() { return Duration.ofDays(1); }
            public String secretPrefix() { return "SOURCE_SECRET_"; }
            public int maxReceiveCount() { return 5; }
            public int maxRecordedFailures() { return 200; }
            public Duration runsRetention() { return Duration.ofDays(30); }
        };
    }
}
