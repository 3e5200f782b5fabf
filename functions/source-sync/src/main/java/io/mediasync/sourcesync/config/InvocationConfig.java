package io.mediasync.sourcesync.config;

import io.mediasync.common.lambda.InvocationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Time per invocation of the downloader and the orchestrator (the shared keys in InvocationSettings). */
@ConfigMapping(prefix = "mediasync.invocation")
public interface InvocationConfig extends InvocationSettings {

    /** INVOCATION_TIME_MARGIN: kept free before Lambda's own timeout: no new file is started later than this. */
    @Override
    @WithDefault("${INVOCATION_TIME_MARGIN:PT60S}")
    Duration timeMargin();

    /** INVOCATION_BUDGET: time one invocation may spend before it hands over to a follow-up order. */
    @Override
    @WithDefault("${INVOCATION_BUDGET:PT10M}")
    Duration budget();
}
