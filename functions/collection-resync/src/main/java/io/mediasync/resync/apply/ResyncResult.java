package io.mediasync.resync.apply;

import java.util.Map;
import org.bson.Document;

/**
 * A resizer result for a re-sync order, as read from the results queue.
 *
 * @param fields image field → what the resizer made of it
 */
public record ResyncResult(String collection, Object id, String token, String runId, Map<String, FieldResult> fields) {

    /** The URL the result is about, and either the sizes ({@code <field>_info}) or why not ({@code <field>_error}). */
    public record FieldResult(String url, Document info, String errorCode, String errorReason) {
    }
}
