package io.mediasync.resync.model;

import io.mediasync.common.hash.Sha256;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one document needs from the re-sync now.
 *
 * @param order      image fields to resize: field → URL
 * @param badUrls    fields whose URL the resizer would refuse: recorded failed without an order
 * @param clear      fields without an image whose earlier image_resync/info the re-sync wrote: to remove
 * @param inherits   the document shows its parent's images (no image of its own, a parent reference)
 * @param copy       an inheriting document whose written state differs from its parent's
 * @param reason     why it changed (new, image_changed, info_missing, retry_failed, bad_url, cleanup, inherit, requested)
 */
public record Plan(Map<String, String> order, Map<String, String> badUrls, List<String> clear, boolean inherits, boolean copy,
        String reason) {

    public Plan {
        order = new TreeMap<>(order);
        badUrls = new TreeMap<>(badUrls);
        clear = List.copyOf(clear);
    }

    public boolean changed() {
        return !order.isEmpty() || !badUrls.isEmpty() || !clear.isEmpty() || copy;
    }

    /** Identifies what is ordered: the same fields with the same URLs make the same hash. */
    public String orderHash() {
        StringBuilder key = new StringBuilder();
        order.forEach((field, url) -> key.append(field).append('=').append(url).append('\n'));
        return Sha256.hex(key.toString());
    }
}
