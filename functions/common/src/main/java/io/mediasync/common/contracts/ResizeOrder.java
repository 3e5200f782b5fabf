package io.mediasync.common.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resize order image-resizer reads: seed 004's fields ({@code _id}, {@code collection}, the image fields,
 * {@code bucket_name}, {@code postback_url}, {@code redirect_queue}) plus the fields of mediasync's own producers and
 * the optional {@code formats}. {@link #toJson()} writes the fields in one fixed order and leaves out what is absent,
 * so a producer's body stays the same bytes for the same order (the resizer's dedup window and the FIFO dedup rely
 * on it). The producers' FIFO group and deduplication id differ (a document's row key and claim token for the
 * re-sync, the source's bucket and the content for source-sync), so each producer keeps its own.
 *
 * @param idJson      the document's {@code _id} as Extended JSON, passed back untouched; null: no {@code _id}
 * @param collection  null: no {@code collection}
 * @param images      image field → URL, written in this map's order (e.g. {@code image_url}, {@code itunes_image})
 * @param postbackUrl null: none
 * @param redirectQueue null: none
 * @param reportFailures the re-sync's opt-in: an image that cannot be resized comes back as {@code <field>_error}
 * @param resync      the re-sync's claim ({@code resync_token}, {@code resync_run}); null on other orders
 * @param sourceFile  the synced file the order is for; null on other orders
 * @param formats     the files each size is written as; empty: the resizer's default (the seed's order)
 */
public record ResizeOrder(String idJson, String collection, Map<String, String> images, String bucketName,
        String postbackUrl, String redirectQueue, boolean reportFailures, Resync resync, SourceFile sourceFile,
        List<String> formats) {

    public static final String ID = "_id";
    public static final String COLLECTION = "collection";
    public static final String IMAGE_URL = "image_url";
    public static final String ITUNES_IMAGE = "itunes_image";
    public static final String BUCKET_NAME = "bucket_name";
    public static final String POSTBACK_URL = "postback_url";
    public static final String REDIRECT_QUEUE = "redirect_queue";
    public static final String REPORT_FAILURES = "report_failures";
    public static final String RESYNC_TOKEN = "resync_token";
    public static final String RESYNC_RUN = "resync_run";
    public static final String SOURCE_ID = "source_id";
    public static final String FILENAME = "filename";
    public static final String FILE_ID = "file_id";
    public static final String SHA256 = "sha256";
    public static final String FORMATS = "formats";

    /** WebP renditions beside the JPEGs (RESYNC_WEBP, SYNC_WEBP). */
    public static final List<String> JPEG_AND_WEBP = List.of("jpeg", "webp");

    // a plain mapper: the bytes must not depend on a module's ObjectMapper customisations
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which claim of the re-sync's storage row the result answers, and the run that sent it. */
    public record Resync(String token, String run) {
    }

    /** The stored file of a source the order is for; its sha256 makes a changed image a different body. */
    public record SourceFile(long sourceId, String filename, String fileId, String sha256) {
    }

    public ResizeOrder {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images)); // keeps the caller's field order
        formats = List.copyOf(formats);
    }

    public String toJson() {
        ObjectNode order = JSON.createObjectNode();
        if (idJson != null) {
            try {
                order.set(ID, JSON.readTree(idJson));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("_id is not JSON: " + idJson, e);
            }
        }
        if (collection != null) {
            order.put(COLLECTION, collection);
        }
        images.forEach(order::put);
        order.put(BUCKET_NAME, bucketName);
        if (postbackUrl != null) {
            order.put(POSTBACK_URL, postbackUrl);
        }
        if (redirectQueue != null) {
            order.put(REDIRECT_QUEUE, redirectQueue);
        }
        if (reportFailures) {
            order.put(REPORT_FAILURES, true);
        }
        if (resync != null) {
            order.put(RESYNC_TOKEN, resync.token());
            order.put(RESYNC_RUN, resync.run());
        }
        if (sourceFile != null) {
            order.put(SOURCE_ID, sourceFile.sourceId());
            order.put(FILENAME, sourceFile.filename());
            order.put(FILE_ID, sourceFile.fileId());
            order.put(SHA256, sourceFile.sha256());
        }
        if (!formats.isEmpty()) {
            formats.forEach(order.putArray(FORMATS)::add);
        }
        return order.toString();
    }
}
