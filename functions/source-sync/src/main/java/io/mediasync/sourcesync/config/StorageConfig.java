package io.mediasync.sourcesync.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where files and thumbnails live (S3) and the MongoDB collections of the sync. */
@ConfigMapping(prefix = "mediasync.storage")
public interface StorageConfig {

    /** Bucket of downloaded source files. */
    @WithDefault("${CONTENT_BUCKET:mediasync-content}")
    String contentBucket();

    /** Seed: CONTENT_ROOT, the key prefix of every downloaded file. */
    @WithDefault("${CONTENT_ROOT:content}")
    String contentRoot();

    /** The resizer's output bucket (thumbnails are removed from it when their file is deleted). */
    @WithDefault(SharedDefaults.RESIZED_BUCKET)
    String resizedBucket();

    /** The resizer's sizes, same syntax (WxH or label=WxH): the labels name the thumbnail keys. */
    @WithDefault(SharedDefaults.RESIZE_SIZES)
    String resizeSizes();

    @WithDefault("sources")
    String sourcesCollection();

    @WithDefault("files")
    String filesCollection();

    @WithDefault("sync_runs")
    String runsCollection();

    /** Sync events the orchestrator could not use (bad input), with their reason. */
    @WithDefault("sync_events")
    String eventsCollection();
}
