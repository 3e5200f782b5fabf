package io.mediasync.common.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The result image-resizer sends for a {@link ResizeOrder}, to its redirect queue and its postback URL (seed 004): the
 * order's own fields untouched, then, for each image field in the order's order, {@code <field>_info}, the seed's
 * {@code {label: {"url", "bucket_path"}}} (with {@code "webp": {"url"}} in a size whose WebP was made), or, when the
 * order asked ({@code report_failures}), {@code <field>_error: {"code", "reason"}}. Written by the resizer
 * ({@link #addTo}), read by collection-resync ({@link #read}).
 *
 * @param fields image field → what the resizer made of it; a field failed and not reported is absent
 */
public record ResizeResult(Map<String, Field> fields) {

    public static final String INFO_SUFFIX = "_info";
    public static final String ERROR_SUFFIX = "_error";
    public static final String URL = "url";
    public static final String BUCKET_PATH = "bucket_path";
    public static final String WEBP = "webp";
    public static final String CODE = "code";
    public static final String REASON = "reason";
    /** More sizes than this is not a result the resizer sends (RESIZE_SIZES is far shorter). */
    public static final int MAX_SIZES = 32;

    /** One size: its JPEG's URL, the seed's bucket_path, and its WebP's URL (null: no WebP). */
    public record Size(String url, String bucketPath, String webpUrl) {
    }

    /** Why a field has no sizes. */
    public record Failure(String code, String reason) {
    }

    /** A field's sizes (label → size, in the order made), or why not. */
    public record Field(Map<String, Size> sizes, Failure failure) {

        public Field {
            sizes = sizes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        }

        public static Field resized(Map<String, Size> sizes) {
            return new Field(sizes, null);
        }

        public static Field failed(Failure failure) {
            return new Field(null, failure);
        }

        /** The sizes as the seed's {@code {label: {url, bucket_path[, webp]}}}, as the re-sync stores them. */
        public Document infoDocument() {
            Document info = new Document();
            sizes.forEach((label, size) -> {
                Document entry = new Document(URL, size.url()).append(BUCKET_PATH, size.bucketPath());
                if (size.webpUrl() != null) {
                    entry.append(WEBP, new Document(URL, size.webpUrl()));
                }
                info.append(label, entry);
            });
            return info;
        }
    }

    public ResizeResult {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // keeps the order's field order
    }

    /** "image_url" → "image_url_info": where a field's sizes go. */
    public static String infoField(String imageField) {
        return imageField + INFO_SUFFIX;
    }

    /** "image_url" → "image_url_error": where a field's {code, reason} goes when failures are reported. */
    public static String errorField(String imageField) {
        return imageField + ERROR_SUFFIX;
    }

    /** The result message: a copy of the order's message with each field's {@code _info} or {@code _error} added. */
    public ObjectNode addTo(ObjectNode order) {
        ObjectNode result = order.deepCopy();
        fields.forEach((field, outcome) -> {
            if (outcome.sizes() != null) {
                ObjectNode info = result.putObject(infoField(field));
                outcome.sizes().forEach((label, size) -> {
                    ObjectNode entry = info.putObject(label).put(URL, size.url()).put(BUCKET_PATH, size.bucketPath());
                    if (size.webpUrl() != null) {
                        entry.putObject(WEBP).put(URL, size.webpUrl());
                    }
                });
            } else {
                result.putObject(errorField(field)).put(CODE, outcome.failure().code()).put(REASON, outcome.failure().reason());
            }
        });
        return result;
    }

    /**
     * One field of a received result, checked for shape: its sizes (only the seed's fields and the WebP's URL are
     * kept, every URL http(s)), its failure, or null when it has neither.
     *
     * @param result the parsed message (a BSON document keeps the {@code _id}'s type)
     * @throws IllegalArgumentException {@code <field>_info} is there but not {label: {url, bucket_path}}
     */
    public static Field read(Map<String, Object> result, String field) {
        Object info = result.get(infoField(field));
        if (info != null) {
            return Field.resized(sizes(field, info));
        }
        if (result.get(errorField(field)) instanceof Map<?, ?> error && error.get(CODE) instanceof String code) {
            return Field.failed(new Failure(code, error.get(REASON) instanceof String reason ? reason : code));
        }
        return null;
    }

    private static Map<String, Size> sizes(String field, Object info) {
        if (!(info instanceof Map<?, ?> sizes) || sizes.isEmpty() || sizes.size() > MAX_SIZES) {
            throw new IllegalArgumentException(infoField(field) + " is not {label: {url, bucket_path}}");
        }
        Map<String, Size> clean = new LinkedHashMap<>();
        for (Map.Entry<?, ?> size : sizes.entrySet()) {
            if (!(size.getValue() instanceof Map<?, ?> s) || !(s.get(URL) instanceof String url) || !isHttp(url)
                    || !(s.get(BUCKET_PATH) instanceof String path)) {
                throw new IllegalArgumentException(infoField(field) + "." + size.getKey() + " is not {url, bucket_path}");
            }
            String webpUrl = s.get(WEBP) instanceof Map<?, ?> webp && webp.get(URL) instanceof String u && isHttp(u) ? u : null;
            clean.put(String.valueOf(size.getKey()), new Size(url, path, webpUrl));
        }
        return clean;
    }

    private static boolean isHttp(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }
}
