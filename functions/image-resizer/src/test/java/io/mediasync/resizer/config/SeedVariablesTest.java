package io.mediasync.resizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.images.SizeSpec;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The environment variables the seeds and the docs name set their settings, and without them the mapping's default
 * holds: the defaults live in @WithDefault("${VAR:default}"), the time margin's overriding the shared InvocationSettings.
 */
class SeedVariablesTest {

    @Test
    void withoutVariablesTheDefaultsHold() {
        SmallRyeConfig config = config(Map.of());
        ResizerConfig resizer = config.getConfigMapping(ResizerConfig.class);
        InvocationConfig invocation = config.getConfigMapping(InvocationConfig.class);
        assertThat(resizer.sizes()).isEqualTo(SizeSpec.DEFAULT_LIST);
        assertThat(resizer.bucket()).isEqualTo("images-ch");
        assertThat(resizer.queueListRefreshCalls()).isEqualTo(100_000L);
        assertThat(invocation.timeMargin()).isEqualTo(Duration.ofSeconds(5));
        assertThat(invocation.budget()).isEqualTo(Duration.ofMinutes(15));
        assertThat(invocation.messageReserve()).isEqualTo(Duration.ofSeconds(10));
        assertThat(invocation.maxReceiveCount()).isEqualTo(5);
    }

    @Test
    void theSeedsVariablesSetTheirSettings() {
        SmallRyeConfig config = config(Map.of("RESIZE_SIZES", "thumb=10x10", "RESIZED_BUCKET", "other-bucket",
                "CALLS_TO_UPDATE_LIST_SQS_QUEUES", "7", "INVOCATION_TIME_MARGIN", "PT9S", "MESSAGE_TIME_RESERVE", "PT3S",
                "MAX_RECEIVE_COUNT", "2"));
        ResizerConfig resizer = config.getConfigMapping(ResizerConfig.class);
        InvocationConfig invocation = config.getConfigMapping(InvocationConfig.class);
        assertThat(resizer.sizes()).isEqualTo("thumb=10x10");
        assertThat(resizer.bucket()).isEqualTo("other-bucket");
        assertThat(resizer.queueListRefreshCalls()).isEqualTo(7L);
        assertThat(invocation.timeMargin()).isEqualTo(Duration.ofSeconds(9));
        assertThat(invocation.messageReserve()).isEqualTo(Duration.ofSeconds(3));
        assertThat(invocation.maxReceiveCount()).isEqualTo(2);
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(ResizerConfig.class).withMapping(InvocationConfig.class).build();
    }
}
