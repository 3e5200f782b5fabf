package io.mediasync.resizer.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A resize order (seed 004): the fields mediasync acts on, plus the whole message, which is passed
 * on untouched in the result.
 *
 * @param images     the image fields present, in message order: "image_url" and/or "itunes_image" → URL
 * @param bucketName the {bucket_name} path segment (the order's, or the configured default)
 * @param orderId    a readable form of the message's "_id" (for logs and records), if any
 */
public record ImageOrder(ObjectNode message, Map<String, String> images, String bucketName,
        Optional<String> redirectQueue, Optional<String> postbackUrl, Optional<String> orderId) {

    public static final String IMAGE_URL = "image_url";
    public static final String ITUNES_IMAGE = "itunes_image";

    public ImageOrder {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }

    /** "image_url" → "image_url_info": where the result for each image field goes. */
    public static String infoField(String imageField) {
        return imageField + "_info";
    }
}
