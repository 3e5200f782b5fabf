package io.mediasync.sourcesync.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Queue names (or URLs), resolved with GetQueueUrl. The sync-order and resize queues are FIFO: a name
 * without ".fifo" gets it appended. The event queues are standard queues with the seed's names.
 */
@ConfigMapping(prefix = "mediasync.queues")
public interface QueuesConfig {

    /** Seed: AMQP_Q_SYNC_HTTP_SRC_ORDERS. FIFO, group = source id. */
    @WithDefault(SharedDefaults.SYNC_ORDERS_QUEUE)
    String syncOrders();

    /** Seed: AMQP_Q_FILE_DOWNLOADED. */
    @WithDefault("${AMQP_Q_FILE_DOWNLOADED:GL_FILE_DOWNLOADED}")
    String fileDownloaded();

    /** Seed: AMQP_Q_FILE_DOWNLOAD_SKIPPED. */
    @WithDefault("${AMQP_Q_FILE_DOWNLOAD_SKIPPED:GL_FILE_DOWNLOAD_SKIPPED}")
    String fileDownloadSkipped();

    /** Seed: AMQP_Q_SOURCE_SYNCHRONIZED. */
    @WithDefault("${AMQP_Q_SOURCE_SYNCHRONIZED:GL_SOURCE_SYNCHRONIZED}")
    String sourceSynchronized();

    /** mediasync's own event (AMQP_Q_FILE_DELETED). */
    @WithDefault("${AMQP_Q_FILE_DELETED:GL_FILE_DELETED}")
    String fileDeleted();

    /** The image resizer's internal order queue (FIFO), which only mediasync's functions may send to. */
    @WithDefault(SharedDefaults.RESIZE_QUEUE)
    String resize();

    /** redirect_queue of image orders whose source names neither a postback URL nor a redirect queue. */
    @WithDefault("${THUMBNAILS_REDIRECT_QUEUE:GL_THUMBNAILS_READY}")
    String thumbnailsRedirect();
}
