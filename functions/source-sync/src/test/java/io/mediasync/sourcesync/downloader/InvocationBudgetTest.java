package io.mediasync.sourcesync.downloader;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.mediasync.sourcesync.config.SyncConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationBudgetTest {

    @Test
    void lambdaRemainingTimeMinusMarginBoundsTheBudget() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60), 200), context(600_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(535), Duration.ofSeconds(540));
    }

    @Test
    void theMarginNeverTakesMoreThanAQuarter() {
        InvocationBudget budget = InvocationBudget.start(config(Duration.ofMinutes(10), Duration.ofSeconds(60), 200), context(40_000));
        assertThat(budget.deadline().remaining()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void noContextOrANonsenseOneLeavesTheConfiguredBudget() {
        SyncConfig config = config(Duration.ofSeconds(30), Duration.ofSeconds(60), 200);
        assertThat(InvocationBudget.start(config, null).deadline().remaining()).isBetween(Duration.ofSeconds(29),
                Duration.ofSeconds(30));
        assertThat(InvocationBudget.start(config, context(-1_700_000_000)).deadline().remaining())
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

    static Context context(int remainingMillis) {
        return new Context() {
            public String getAwsRequestId() { return "r"; }
            public String getLogGroupName() { return "g"; }
            public String getLogStreamName() { return "s"; }
            public String getFunctionName() { return "f"; }
            public String getFunctionVersion() { return "1"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return remainingMillis; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}
