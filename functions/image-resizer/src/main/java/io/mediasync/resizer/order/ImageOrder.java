package io.mediasync.resizer.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.resizer.imaging.OutputFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A resize order (seed 004): the fields mediasync acts on, plus the whole message, which is passed
 * on untouched in the result.
 *
 * @param images     the image fields present, in message order: "image_url" and/or "itunes_image" → URL
 * @param bucketName the {bucket_name} path segment (the order's, or the configured default)
 * @param orderId    a readable form of the message's "_id" (for logs and records), if any
 * @param reportFailures an internal order's opt-in {@code "report_failures": true}: an image field that cannot be
 *                   resized is reported in the result as {@code <field>_error: {code, reason}}, and a result is
 *                   delivered even when no field could be resized (the seed delivered nothing then; that stays the
 *                   default, and the only behaviour of public orders)
 * @param origin     the queue it came from, which decides what it may cause ({@link OrderOrigin})
 * @param formats    the files each size is written as ({@link OutputFormats}): JPEG, and WebP if asked for
 */
public record ImageOrder(ObjectNode message, Map<String, String> images, String bucketName,
        Optional<String> redirectQueue, Optional<String> postbackUrl, Optional<String> orderId, boolean reportFailures,
        OrderOrigin origin, Set<OutputFormat> formats) {

    public static final String IMAGE_URL = ResizeOrder.IMAGE_URL;
    public static final String ITUNES_IMAGE = ResizeOrder.ITUNES_IMAGE;
    public static final String REPORT_FAILURES = ResizeOrder.REPORT_FAILURES;

    public ImageOrder {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }
}
