package io.mediasync.common.config;

import io.mediasync.common.images.SizeSpec;

/**
 * The settings two functions must agree on, each written once as a {@code @WithDefault} expression
 * ({@code ${ENV_VAR:default}}) that every mapping reading it uses: the same variable, the same default.
 */
public final class SharedDefaults {

    /** AMQP_Q_SYNC_HTTP_SRC_ORDERS (seed): the sync-order FIFO queue catalog-sync writes and source-sync reads. */
    public static final String SYNC_ORDERS_QUEUE = "${AMQP_Q_SYNC_HTTP_SRC_ORDERS:GL_SYNC_HTTP_SOURCE_ORDERS}";

    /** RESIZE_QUEUE: the image resizer's internal order queue (FIFO), which only mediasync's functions may send to. */
    public static final String RESIZE_QUEUE = "${RESIZE_QUEUE:InternalImageQueue.fifo}";

    /** RESIZED_BUCKET: the resizer's output bucket, where the orchestrator also removes thumbnails. */
    public static final String RESIZED_BUCKET = "${RESIZED_BUCKET:images-ch}";

    /** RESIZE_SIZES: the sizes the resizer makes ({@link SizeSpec#parseList}), whose keys the orchestrator removes. */
    public static final String RESIZE_SIZES = "${RESIZE_SIZES:" + SizeSpec.DEFAULT_LIST + "}";

    /** INTERVAL_SCHEDULER_SECONDS (seed): the schedule's period in seconds. */
    public static final String SCHEDULER_INTERVAL = "${INTERVAL_SCHEDULER_SECONDS:3600}";

    /** POSTBACK_SECRET: the Standard Webhooks secret(s) "whsec_..." postbacks are signed with. */
    public static final String POSTBACK_SECRET = "${POSTBACK_SECRET:}";

    /** POSTBACK_SECRET_ARN: the Secrets Manager secret holding them, read at run time; wins over POSTBACK_SECRET. */
    public static final String POSTBACK_SECRET_ARN = "${POSTBACK_SECRET_ARN:}";

    /** POSTBACK_TIMEOUT: the most one postback may take. */
    public static final String POSTBACK_TIMEOUT = "${POSTBACK_TIMEOUT:PT10S}";

    private SharedDefaults() {
    }
}
