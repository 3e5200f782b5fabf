package io.mediasync.sourcesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.images.SizeSpec;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables source-sync read before the defaults moved to the mappings still set them, with the same defaults. */
class SeedVariablesTest {

    @Test
    void withoutVariablesTheDefaultsHold() {
        SmallRyeConfig config = config(Map.of());
        assertThat(config.getConfigMapping(InvocationConfig.class).timeMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.getConfigMapping(InvocationConfig.class).budget()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.getConfigMapping(StorageConfig.class).resizeSizes()).isEqualTo(SizeSpec.DEFAULT_LIST);
        assertThat(config.getConfigMapping(QueuesConfig.class).syncOrders()).isEqualTo("GL_SYNC_HTTP_SOURCE_ORDERS");
    }

    @Test
    void theVariablesSetTheirSettings() {
        SmallRyeConfig config = config(Map.of("INVOCATION_TIME_MARGIN", "PT20S", "INVOCATION_BUDGET", "PT2M",
                "RESIZE_SIZES", "a=1x1", "AMQP_Q_SYNC_HTTP_SRC_ORDERS", "orders"));
        assertThat(config.getConfigMapping(InvocationConfig.class).timeMargin()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.getConfigMapping(InvocationConfig.class).budget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.getConfigMapping(StorageConfig.class).resizeSizes()).isEqualTo("a=1x1");
        assertThat(config.getConfigMapping(QueuesConfig.class).syncOrders()).isEqualTo("orders");
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(InvocationConfig.class).withMapping(StorageConfig.class).withMapping(QueuesConfig.class).build();
    }
}
