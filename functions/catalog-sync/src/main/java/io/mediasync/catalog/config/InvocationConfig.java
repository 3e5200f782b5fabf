package io.mediasync.catalog.config;

import io.mediasync.common.lambda.InvocationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time per invocation: a run, a schedule or a queued run (the shared keys in InvocationSettings). */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig extends InvocationSettings {

    /** INVOCATION_TIME_MARGIN: kept free before Lambda's timeout, to record how a run ended. */
    @Override
    @WithDefault("${INVOCATION_TIME_MARGIN:PT5S}")
    Duration timeMargin();

    /** CATALOG_RUN_BUDGET: the most a scheduled or background run may take (within Lambda's own timeout). */
    @Override
    @WithDefault("${CATALOG_RUN_BUDGET:PT4M}")
    Duration budget();
}
