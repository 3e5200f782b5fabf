package io.mediasync.sourcesync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How much one source-downloader invocation does, and how runs are kept. */
@ConfigMapping(prefix = "mediasync.sync")
public interface SyncConfig {

    /** File requests per invocation; the rest continues in a follow-up order. */
    @WithDefault("200")
    int maxFilesPerInvocation();

    /** Time one invocation may spend before it hands over to a follow-up order. */
    @WithDefault("PT10M")
    Duration invocationBudget();

    /** Kept free before Lambda's own timeout: no new file is started later than this. */
    @WithDefault("PT60S")
    Duration timeMargin();

    /** A message is started only with this much of the invocation left (MESSAGE_TIME_RESERVE). */
    @WithDefault("PT10S")
    Duration messageReserve();

    /** Files downloaded side by side (each host still limited by mediasync.net.host-max-concurrency). */
    @WithDefault("2")
    int parallelDownloads();

    /** Gallery pages followed through rel="next", the first one included. */
    @WithDefault("20")
    int maxListingPages();

    /** Files taken from one listing; beyond that the run is marked truncated and deletes nothing. */
    @WithDefault("20000")
    int maxListingItems();

    /** A run that made no progress for this long is abandoned; a new order then starts a new run. */
    @WithDefault("PT30M")
    Duration runStaleAfter();

    /** A listing answered 304 is trusted only this long after the last full check of every file. */
    @WithDefault("P1D")
    Duration fullSyncEvery();

    /** secretRef names must start with this, so a source cannot read other settings (e.g. MONGO_URL). */
    @WithDefault("SOURCE_SECRET_")
    String secretPrefix();

    /** The sync-order queue's maxReceiveCount: the delivery with this count is the last before the DLQ. */
    @WithDefault("5")
    int maxReceiveCount();

    /** How long ended runs (and rejected orders) stay in sync_runs: a TTL index on endedAt. */
    @WithDefault("P30D")
    Duration runsRetention();

    /** Failures kept per run in sync_runs (the count is always exact). */
    @WithDefault("200")
    int maxRecordedFailures();
}
