package io.mediasync.resync.config;

import io.mediasync.common.lambda.InvocationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Date;

/** Time per invocation (the shared keys in InvocationSettings), and how many pages one invocation does. */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig extends InvocationSettings {

    /** INVOCATION_TIME_MARGIN: kept free before Lambda's own timeout to save where the run stopped. */
    @Override
    @WithDefault("${INVOCATION_TIME_MARGIN:PT30S}")
    Duration timeMargin();

    /** INVOCATION_BUDGET: the most one invocation works before it continues in a follow-up message. */
    @Override
    @WithDefault("${INVOCATION_BUDGET:PT10M}")
    Duration budget();

    /** The most pages (of provide or execute) one invocation does before it continues in a follow-up message. */
    @WithDefault("100000")
    int maxPages();

    /**
     * Work (a run's step, a result's walk) that has not moved since this moment lost its follow-up: two whole
     * invocations passed without it. The sweeper and apply's walk both judge by it.
     */
    default Date stalledBefore(Date now) {
        return Date.from(now.toInstant().minus(budget().plus(timeMargin()).multipliedBy(2)));
    }
}
