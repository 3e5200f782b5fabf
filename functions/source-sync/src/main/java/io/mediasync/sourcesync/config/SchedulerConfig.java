package io.mediasync.sourcesync.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The scheduler's dedup window and how much one run does; the schedule itself lives in template.yaml. */
@ConfigMapping(prefix = "mediasync.scheduler")
public interface SchedulerConfig {

    /** Seed: INTERVAL_SCHEDULER_SECONDS. A source is ordered at most once per window of this size. */
    @WithDefault(SharedDefaults.SCHEDULER_INTERVAL)
    long windowSeconds();

    /** SCHEDULER_READ_BATCH: sources read from MongoDB (the fields it needs only) and marked ordered at a time. */
    @WithDefault("${SCHEDULER_READ_BATCH:1000}")
    int readBatch();

    /** SCHEDULER_TIME_MARGIN: kept free before Lambda's timeout, to record where the run stopped. */
    @WithDefault("${SCHEDULER_TIME_MARGIN:PT5S}")
    Duration timeMargin();

    /** SCHEDULER_BUDGET: the most one run may take (within Lambda's own timeout). */
    @WithDefault("${SCHEDULER_BUDGET:PT5M}")
    Duration budget();

    /** Where the all-sources run records where it stopped (one document). */
    @WithDefault("source_scheduler_state")
    String stateCollection();
}
