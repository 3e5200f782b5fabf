package io.mediasync.resizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** SnapStart priming (SnapStartPriming): how long the snapshot's warm-up may run. */
@ConfigMapping(prefix = "mediasync.priming")
public interface PrimingConfig {

    /**
     * SNAPSTART_PRIMING_BUDGET: the longest priming may take before the snapshot (it stops earlier once steady,
     * a few seconds on 2 cores). Lambda allows SnapStart's initialisation far longer; this bounds a slow publish.
     */
    @WithDefault("${SNAPSTART_PRIMING_BUDGET:PT60S}")
    Duration budget();
}
