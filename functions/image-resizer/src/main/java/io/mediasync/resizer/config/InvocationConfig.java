package io.mediasync.resizer.config;

import java.time.Duration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How one invocation spends its time (see io.mediasync.common.lambda.Deadline). Each default is written
 * once here, with the environment variable it comes from.
 */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig {

    /** INVOCATION_TIME_MARGIN: kept before Lambda's timeout to record what was not finished. */
    @WithDefault("${INVOCATION_TIME_MARGIN:PT5S}")
    Duration timeMargin();

    /** INVOCATION_BUDGET: the most one invocation works, also the budget where the context has no deadline. */
    @WithDefault("${INVOCATION_BUDGET:PT15M}")
    Duration budget();

    /** MESSAGE_TIME_RESERVE: a message is started only with this much time left; the rest is given back. */
    @WithDefault("${MESSAGE_TIME_RESERVE:PT10S}")
    Duration messageReserve();

    /** COLD_START_WARMUP: build the clients and compile the hot code beside the first invocation (ResizerWarmup). */
    @WithDefault("${COLD_START_WARMUP:true}")
    boolean warmup();
}
