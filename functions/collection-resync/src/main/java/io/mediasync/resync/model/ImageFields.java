package io.mediasync.resync.model;

import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.common.contracts.ResizeResult;
import java.util.List;

/**
 * The image fields of seed 004's orders, the only two the resizer knows, and where the re-sync writes about each:
 * {@code <field>_info} (the resizer's sizes, the seed's postback shape) and {@code image_resync.<field>}.
 */
public final class ImageFields {

    public static final List<String> ALL = List.of(ResizeOrder.IMAGE_URL, ResizeOrder.ITUNES_IMAGE);
    public static final String RESYNC = "image_resync";

    private ImageFields() {
    }

    public static String info(String field) {
        return ResizeResult.infoField(field);
    }

    /** "image_resync.image_url": what the re-sync last wrote about the field (source_url, status, error, at, inherited_from). */
    public static String resync(String field) {
        return RESYNC + "." + field;
    }

    public static String resync(String field, String entry) {
        return resync(field) + "." + entry;
    }
}
