package io.mediasync.resync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * What the re-sync covers and how it decides. Each default, with the environment variable that sets it
 * where there is one, is written once, in the @WithDefault.
 */
@ConfigMapping(prefix = "mediasync.resync")
public interface ResyncConfig {

    /**
     * The collections re-synced, {@code name[=mongoCollection]}, comma-separated (RESYNC_COLLECTIONS). The name is
     * what a run names ({"collection": "channels"}); the MongoDB collection defaults to it.
     */
    @WithDefault("${RESYNC_COLLECTIONS:channels=${RESYNC_CHANNELS_COLLECTION:channels},episodes=${RESYNC_EPISODES_COLLECTION:episodes}}")
    String collections();

    /**
     * Which documents show another's images, {@code child.referenceField->parent}, comma-separated (RESYNC_RELATIONS):
     * a child with no image field of its own shows its parent's. A third collection or relation is configuration.
     */
    @WithDefault("${RESYNC_RELATIONS:episodes.channel_id->channels}")
    String relations();

    /** The watermark on updatedAt looks back this much further (RESYNC_LOOKBACK): clocks and slow writers. */
    @WithDefault("${RESYNC_LOOKBACK:PT1H}")
    Duration lookback();

    /** A failed image is ordered again only after this long, unless its URL changes (RESYNC_RETRY_FAILED_AFTER). */
    @WithDefault("${RESYNC_RETRY_FAILED_AFTER:P7D}")
    Duration retryFailedAfter();

    /** An order with no result after this long is sent again by the next run (RESYNC_ORDER_TIMEOUT). */
    @WithDefault("${RESYNC_ORDER_TIMEOUT:PT6H}")
    Duration orderTimeout();

    /** Orders without any result before a document's fields are recorded failed (no_result) (RESYNC_MAX_ORDER_ATTEMPTS). */
    @WithDefault("${RESYNC_MAX_ORDER_ATTEMPTS:3}")
    int maxOrderAttempts();

    /** Documents or storage rows read, evaluated and written per step (RESYNC_PAGE_SIZE): bounds memory. */
    @WithDefault("${RESYNC_PAGE_SIZE:500}")
    int pageSize();

    /** bucket_name of the orders (RESYNC_BUCKET_NAME); empty = the collection's name, so images-resized/channels/. */
    @WithDefault("${RESYNC_BUCKET_NAME:}")
    Optional<String> bucketName();

    /** Create the indexes the scans need on the re-synced collections at start-up (RESYNC_CREATE_INDEXES). */
    @WithDefault("${RESYNC_CREATE_INDEXES:true}")
    boolean createIndexes();

    /**
     * RESYNC_WEBP: the orders ask for WebP renditions beside the JPEGs ({@code "formats": ["jpeg", "webp"]}, issue 25),
     * whose URLs the documents' infos then keep; off, the orders are the seed's.
     */
    @WithDefault("${RESYNC_WEBP:false}")
    boolean webp();

    /** Most ids one manual run takes ({"collection": …, "ids": […]}). */
    @WithDefault("1000")
    int maxIds();

    /** Errors kept per run record (the count is always exact). */
    @WithDefault("50")
    int maxRecordedErrors();

    /** How long completed runs stay in resync_runs (a TTL index on completedAt) (RESYNC_RUNS_RETENTION). */
    @WithDefault("${RESYNC_RUNS_RETENTION:P30D}")
    Duration runsRetention();

    @WithDefault("resync_storage")
    String storageCollection();

    @WithDefault("resync_runs")
    String runsCollection();

    /** Messages of the work and results queues that failed or were rejected, with their reason. */
    @WithDefault("resync_messages")
    String messagesCollection();
}
