package io.mediasync.sourcesync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scheduler's dedup window; the schedule itself lives in template.yaml. */
@ConfigMapping(prefix = "mediasync.scheduler")
public interface SchedulerConfig {

    /** Seed: INTERVAL_SCHEDULER_SECONDS. A source is ordered at most once per window of this size. */
    @WithDefault("3600")
    long windowSeconds();
}
