package io.mediasync.resizer.config;

import java.time.Duration;
import io.smallrye.config.ConfigMapping;

/**
 * How one invocation spends its time (see io.mediasync.common.lambda.Deadline). The defaults are in
 * application.properties, next to the environment variables they come from.
 */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig {

    /** INVOCATION_TIME_MARGIN: kept before Lambda's timeout to record what was not finished. */
    Duration timeMargin();

    /** INVOCATION_BUDGET: the most one invocation works, also the budget where the context has no deadline. */
    Duration budget();

    /** MESSAGE_TIME_RESERVE: a message is started only with this much time left; the rest is given back. */
    Duration messageReserve();

    /** COLD_START_WARMUP: build the clients and compile the hot code beside the first invocation (ResizerWarmup). */
    boolean warmup();
}
