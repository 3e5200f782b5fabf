package io.mediasync.resizer.config;

import io.mediasync.common.lambda.InvocationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How one invocation spends its time (see io.mediasync.common.lambda.Deadline); the shared keys in InvocationSettings. */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig extends InvocationSettings {

    @Override
    @WithDefault("${INVOCATION_TIME_MARGIN:PT5S}")
    Duration timeMargin();

    /** INVOCATION_BUDGET. */
    @Override
    @WithDefault("${INVOCATION_BUDGET:PT15M}")
    Duration budget();

    /** COLD_START_WARMUP: build the clients and compile the hot code beside the first invocation (ResizerWarmup). */
    @WithDefault("${COLD_START_WARMUP:true}")
    boolean warmup();
}
