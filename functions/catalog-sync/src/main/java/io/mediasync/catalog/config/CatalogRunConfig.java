package io.mediasync.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How runs are timed, kept, announced and kept apart. */
@ConfigMapping(prefix = "mediasync.catalog.run")
public interface CatalogRunConfig {

    /** CATALOG_SYNC_DEADLINE: PATCH /api/syncall answers by then (API Gateway gives up at 30 s). */
    @WithDefault("${CATALOG_SYNC_DEADLINE:PT25S}")
    Duration syncDeadline();

    /** CATALOG_RUN_BUDGET: the most a scheduled or background run may take (within Lambda's own timeout). */
    @WithDefault("${CATALOG_RUN_BUDGET:PT4M}")
    Duration budget();

    /** INVOCATION_TIME_MARGIN: kept free before Lambda's timeout, to record how a run ended. */
    @WithDefault("${INVOCATION_TIME_MARGIN:PT5S}")
    Duration timeMargin();

    /** INTERVAL_SCHEDULER_SECONDS (seed): the schedule's period; a scheduled run happens once per such window. */
    @WithDefault("${INTERVAL_SCHEDULER_SECONDS:3600}")
    Duration schedulerInterval();

    /** CATALOG_ORDER_NEW_SOURCES: order a sync of new and moved sources at once. */
    @WithDefault("${CATALOG_ORDER_NEW_SOURCES:true}")
    boolean orderNewSources();

    /** CATALOG_RUNS_RETENTION: how long run results stay in catalog_sync_runs. */
    @WithDefault("${CATALOG_RUNS_RETENTION:P30D}")
    Duration runsRetention();

    /** AMQP_Q_SYNC_HTTP_SRC_ORDERS (seed): the sync-order FIFO queue. */
    @WithDefault("${AMQP_Q_SYNC_HTTP_SRC_ORDERS:GL_SYNC_HTTP_SOURCE_ORDERS}")
    String syncOrdersQueue();

    /** CATALOG_RUNS_QUEUE: the FIFO queue PATCH /api/syncast puts a run on, read by this same function. */
    @WithDefault("${CATALOG_RUNS_QUEUE:CatalogSyncRuns.fifo}")
    String runsQueue();

    /** MAX_RECEIVE_COUNT: the runs queue's maxReceiveCount. */
    @WithDefault("${MAX_RECEIVE_COUNT:5}")
    int maxReceiveCount();

    /** MESSAGE_TIME_RESERVE: a queued run is started only with this much time left. */
    @WithDefault("${MESSAGE_TIME_RESERVE:PT10S}")
    Duration messageReserve();

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
