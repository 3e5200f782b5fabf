package io.mediasync.catalog.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How runs are timed, kept, announced and kept apart. */
@ConfigMapping(prefix = "mediasync.catalog.run")
public interface CatalogRunConfig {

    /** CATALOG_SYNC_DEADLINE: PATCH /api/syncall answers by then (API Gateway gives up at 30 s). */
    @WithDefault("${CATALOG_SYNC_DEADLINE:PT25S}")
    Duration syncDeadline();

    /** INTERVAL_SCHEDULER_SECONDS (seed): the schedule's period; a scheduled run happens once per such window. */
    @WithDefault(SharedDefaults.SCHEDULER_INTERVAL)
    Duration schedulerInterval();

    /** CATALOG_ORDER_NEW_SOURCES: order a sync of new and moved sources at once. */
    @WithDefault("${CATALOG_ORDER_NEW_SOURCES:true}")
    boolean orderNewSources();

    /** CATALOG_RUNS_RETENTION: how long run results stay in catalog_sync_runs. */
    @WithDefault("${CATALOG_RUNS_RETENTION:P30D}")
    Duration runsRetention();

    /** AMQP_Q_SYNC_HTTP_SRC_ORDERS (seed): the sync-order FIFO queue. */
    @WithDefault(SharedDefaults.SYNC_ORDERS_QUEUE)
    String syncOrdersQueue();

    /** CATALOG_RUNS_QUEUE: the FIFO queue PATCH /api/syncast puts a run on, read by this same function. */
    @WithDefault("${CATALOG_RUNS_QUEUE:CatalogSyncRuns.fifo}")
    String runsQueue();

    /** CATALOG_SYNLAST_MAX: the largest {@code count} GET /api/synlast accepts. */
    @WithDefault("${CATALOG_SYNLAST_MAX:1000}")
    int synlastMax();

    @WithDefault("sources")
    String sourcesCollection();

    /** One document per run: the seed's result plus counts and timings. */
    @WithDefault("catalog_sync_runs")
    String runsCollection();

    /** The run lease and the schedule's window claim. */
    @WithDefault("catalog_sync_lease")
    String leaseCollection();
}
