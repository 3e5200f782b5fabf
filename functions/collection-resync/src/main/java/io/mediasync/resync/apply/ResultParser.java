package io.mediasync.resync.apply;

import io.mediasync.common.failure.FailureException;
import io.mediasync.resync.model.ImageFields;
import io.mediasync.resync.model.ResyncModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Reads a result from the results queue, or says precisely why it is not one a re-sync can use. A result is input,
 * never authority: it is applied only if its {@code resync_token} is the one the storage row holds (checked by
 * {@link Applier}), and what it would write is checked for shape here.
 */
@ApplicationScoped
public class ResultParser {

    private static final int MAX_SIZES = 32;
    private static final int MAX_REASON = 500;

    private final ResyncModel model;

    public ResultParser(ResyncModel model) {
        this.model = model;
    }

    public ResyncResult parse(String body) throws FailureException {
        Document result;
        try {
            result = Document.parse(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw FailureException.permanent("not_json", "the result is not a JSON object: " + e.getMessage());
        }
        String token = text(result, "resync_token");
        if (token == null) {
            throw FailureException.permanent("not_a_resync_result", "the result has no resync_token: not an order of this re-sync");
        }
        String collection = text(result, "collection");
        if (collection == null || !model.has(collection)) {
            throw FailureException.permanent("unknown_collection", "the result names no re-synced collection: " + collection);
        }
        if (!result.containsKey("_id")) {
            throw FailureException.permanent("missing_id", "the result has no _id");
        }
        Map<String, ResyncResult.FieldResult> fields = new LinkedHashMap<>();
        for (String field : ImageFields.ALL) {
            String url = text(result, field);
            if (url != null) {
                fields.put(field, field(result, field, url));
            }
        }
        return new ResyncResult(collection, result.get("_id"), token, text(result, "resync_run"), fields);
    }

    private static ResyncResult.FieldResult field(Document result, String field, String url) throws FailureException {
        Object info = result.get(ImageFields.info(field));
        if (info != null) {
            return new ResyncResult.FieldResult(url, checkedInfo(field, info), null, null);
        }
        if (result.get(field + "_error") instanceof Document error && error.get("code") instanceof String code) {
            String reason = error.get("reason") instanceof String r ? r : code;
            return new ResyncResult.FieldResult(url, null, code, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        }
        return new ResyncResult.FieldResult(url, null, null, null);
    }

    /**
     * The seed's shape: {label: {"url": "http(s)://…", "bucket_path": "…"}}, and the WebP's {"webp": {"url": …}} when
     * the order asked for it (RESYNC_WEBP); nothing else.
     */
    private static Document checkedInfo(String field, Object info) throws FailureException {
        if (!(info instanceof Document sizes) || sizes.isEmpty() || sizes.size() > MAX_SIZES) {
            throw FailureException.permanent("bad_info", ImageFields.info(field) + " is not {label: {url, bucket_path}}");
        }
        Document clean = new Document();
        for (Map.Entry<String, Object> size : sizes.entrySet()) {
            if (!(size.getValue() instanceof Document s) || !(s.get("url") instanceof String url) || !isHttp(url)
                    || !(s.get("bucket_path") instanceof String path)) {
                throw FailureException.permanent("bad_info", ImageFields.info(field) + "." + size.getKey() + " is not {url, bucket_path}");
            }
            Document entry = new Document("url", url).append("bucket_path", path);
            if (s.get("webp") instanceof Document webp && webp.get("url") instanceof String webpUrl && isHttp(webpUrl)) {
                entry.append("webp", new Document("url", webpUrl));
            }
            clean.append(size.getKey(), entry);
        }
        return clean;
    }

    private static boolean isHttp(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    private static String text(Document result, String field) {
        return result.get(field) instanceof String s && !s.isBlank() ? s : null;
    }
}
