package io.mediasync.resync.apply;

import io.mediasync.common.contracts.ResizeOrder;
import io.mediasync.common.contracts.ResizeResult;
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
 * {@link Applier}), and what it would write is checked for shape here. What it reads is a {@link Result}.
 */
@ApplicationScoped
public class ResultParser {

    private static final int MAX_REASON = 500;

    private final ResyncModel model;

    public ResultParser(ResyncModel model) {
        this.model = model;
    }

    public Result parse(String body) throws FailureException {
        Document result;
        try {
            result = Document.parse(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw FailureException.permanent("not_json", "the result is not a JSON object: " + e.getMessage());
        }
        String token = text(result, ResizeOrder.RESYNC_TOKEN);
        if (token == null) {
            throw FailureException.permanent("not_a_resync_result", "the result has no resync_token: not an order of this re-sync");
        }
        String collection = text(result, ResizeOrder.COLLECTION);
        if (collection == null || !model.has(collection)) {
            throw FailureException.permanent("unknown_collection", "the result names no re-synced collection: " + collection);
        }
        if (!result.containsKey(ResizeOrder.ID)) {
            throw FailureException.permanent("missing_id", "the result has no _id");
        }
        Map<String, Result.Field> fields = new LinkedHashMap<>();
        for (String field : ImageFields.ALL) {
            String url = text(result, field);
            if (url != null) {
                fields.put(field, field(result, field, url));
            }
        }
        return new Result(collection, result.get(ResizeOrder.ID), token, text(result, ResizeOrder.RESYNC_RUN), fields);
    }

    /** The field's sizes or reported failure, read through the result's contract; a reason is kept to MAX_REASON. */
    private static Result.Field field(Document result, String field, String url) throws FailureException {
        ResizeResult.Field got;
        try {
            got = ResizeResult.read(result, field);
        } catch (IllegalArgumentException e) {
            throw FailureException.permanent("bad_info", e.getMessage());
        }
        if (got == null) {
            return new Result.Field(url, null, null, null);
        }
        if (got.sizes() != null) {
            return new Result.Field(url, got.infoDocument(), null, null);
        }
        String reason = got.failure().reason();
        return new Result.Field(url, null, got.failure().code(),
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
    }

    private static String text(Document result, String field) {
        return result.get(field) instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * A resizer result for a re-sync order, as read from the results queue.
     *
     * @param fields image field → what the resizer made of it
     */
    public record Result(String collection, Object id, String token, String runId, Map<String, Field> fields) {

        /** The URL the result is about, and either the sizes ({@code <field>_info}) or why not ({@code <field>_error}). */
        public record Field(String url, Document info, String errorCode, String errorReason) {
        }
    }
}
