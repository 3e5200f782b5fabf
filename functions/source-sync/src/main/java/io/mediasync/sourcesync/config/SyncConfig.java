package io.mediasync.sourcesync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much one source-downloader invocation does, and how runs are kept. */
@ConfigMapping(prefix = "mediasync.sync")
public interface SyncConfig {

    /** File requests per invocation; the rest continues in a follow-up order. */
    @WithDefault("${MAX_FILES_PER_INVOCATION:200}")
    int maxFilesPerInvocation();

    /** Files downloaded side by side (each host still limited by mediasync.net.host-max-concurrency). */
    @WithDefault("${PARALLEL_DOWNLOADS:2}")
    int parallelDownloads();

    /** Gallery pages followed through rel="next", the first one included. */
    @WithDefault("${MAX_LISTING_PAGES:20}")
    int maxListingPages();

    /** Files taken from one listing; beyond that the run is marked truncated and deletes nothing. */
    @WithDefault("${MAX_LISTING_ITEMS:20000}")
    int maxListingItems();

    /** A run that made no progress for this long is abandoned; a new order then starts a new run. */
    @WithDefault("${RUN_STALE_AFTER:PT30M}")
    Duration runStaleAfter();

    /** A listing answered 304 is trusted only this long after the last full check of every file. */
    @WithDefault("${FULL_SYNC_EVERY:P1D}")
    Duration fullSyncEvery();

    /** secretRef names must start with this, so a source cannot read other settings (e.g. MONGO_URL). */
    @WithDefault("${SOURCE_SECRET_PREFIX:SOURCE_SECRET_}")
    String secretPrefix();

    /** How long ended runs (and rejected orders) stay in sync_runs: a TTL index on endedAt. */
    @WithDefault("${SYNC_RUNS_RETENTION:P30D}")
    Duration runsRetention();

    /** Failures kept per run in sync_runs (the count is always exact). */
    @WithDefault("200")
    int maxRecordedFailures();
}
