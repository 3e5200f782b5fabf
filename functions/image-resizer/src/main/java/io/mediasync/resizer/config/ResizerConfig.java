package io.mediasync.resizer.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the image resizer, each default written once here with the seed's or the documented environment variable.
 * Trust boundaries (order/OrderOrigin): the queue an order came from decides what it may do. Public orders' results go
 * to REDIRECT_QUEUES; internal orders' also to INTERNAL_REDIRECT_QUEUES; INTERNAL_QUEUES are never a target; only
 * internal orders read s3:// sources or write under INTERNAL_BUCKET_NAMES.
 */
@ConfigMapping(prefix = "mediasync.resizer")
public interface ResizerConfig {

    /** S3 bucket the resized images are written to. */
    @WithDefault(SharedDefaults.RESIZED_BUCKET)
    String bucket();

    /** The {bucket_name} path segment used when an order has none. */
    @WithDefault("${DEFAULT_BUCKET_NAME:default}")
    String defaultBucketName();

    /** RESIZE_SIZES: the output sizes, "WxH" or "label=WxH", comma-separated (SizeSpec's grammar and default). */
    @WithDefault(SharedDefaults.RESIZE_SIZES)
    String sizes();

    /** fit (inside the box, never upscaled), fill (cover + centre crop) or force. */
    @WithDefault("${RESIZE_MODE:fit}")
    String mode();

    /**
     * RESIZE_FORMATS: the files each size is written as when an order has no "formats": "jpeg" (the seed's) or
     * "jpeg,webp" (issue 25). The only place this default is written.
     */
    @WithDefault("${RESIZE_FORMATS:jpeg}")
    String formats();

    /** WEBP_QUALITY: libwebp's 0..100 scale (cwebp -q), for the WebP renditions. */
    @WithDefault("${WEBP_QUALITY:80}")
    int webpQuality();

    /** JPEG quality, 1..100. */
    @WithDefault("${JPEG_QUALITY:85}")
    int jpegQuality();

    /** Largest source image accepted, in pixels (width x height), checked before decoding. */
    @WithDefault("${MAX_PIXELS:50000000}")
    long maxPixels();

    /** Base of the public URLs (e.g. a CDN); default: the S3 URL of the bucket. */
    @WithDefault("${PUBLIC_BASE_URL:}")
    Optional<String> publicBaseUrl();

    @WithDefault("public, max-age=31536000, immutable")
    String cacheControl();

    /** The same order again within this window is not resized or posted back again. */
    @WithDefault("${DEDUP_WINDOW:PT1H}")
    Duration dedupWindow();

    /** Refresh the cached queue look-ups every this many invocations (the seed's CALLS_TO_UPDATE_LIST_SQS_QUEUES). */
    @WithDefault("${CALLS_TO_UPDATE_LIST_SQS_QUEUES:100000}")
    long queueListRefreshCalls();

    /** REDIRECT_QUEUES: the queues a public order's result may be sent to (names, comma-separated). */
    @WithDefault("${REDIRECT_QUEUES:ChannelImages}")
    String redirectQueues();

    /** INTERNAL_REDIRECT_QUEUES: queues that carry system-authored results; only internal orders may send there. */
    @WithDefault("${INTERNAL_REDIRECT_QUEUES:GL_THUMBNAILS_READY,GL_RESYNC_RESULTS}")
    String internalRedirectQueues();

    /** INTERNAL_QUEUES: never a redirect target, even if REDIRECT_QUEUES names them (DLQs always). */
    @WithDefault("${INTERNAL_QUEUES:ImageQueue.fifo,InternalImageQueue.fifo,GL_SYNC_HTTP_SOURCE_ORDERS.fifo,GL_FILE_DOWNLOADED,GL_FILE_DOWNLOAD_SKIPPED,GL_FILE_DELETED,GL_SOURCE_SYNCHRONIZED,GL_RESYNC_WORK.fifo,CatalogSyncRuns.fifo}")
    String internalQueues();

    /** INTERNAL_ORDER_QUEUES: the order queues only mediasync's own functions may send to (see OrderOrigin). */
    @WithDefault("${INTERNAL_ORDER_QUEUES:InternalImageQueue.fifo}")
    String internalOrderQueues();

    /** INTERNAL_BUCKET_NAMES: bucket_name values (or prefixes ending in *) reserved for internal orders. */
    @WithDefault("${INTERNAL_BUCKET_NAMES:source-*,channels,episodes}")
    String internalBucketNames();

    /** S3_SOURCES: where an internal order's s3:// sources may be read, "bucket/prefix" entries; empty = none. */
    @WithDefault("${S3_SOURCES:}")
    Optional<String> s3Sources();

    /** MongoDB collection of order records. */
    @WithDefault("resize_orders")
    String recordsCollection();
}
