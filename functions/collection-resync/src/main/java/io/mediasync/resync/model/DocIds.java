package io.mediasync.resync.model;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A document's {@code _id} (any BSON type) as text: the storage row key {@code <collection>|<relaxed Extended JSON>}
 * (readable, e.g. {@code channels|{"$oid": "…"}} or {@code episodes|"ep-1"}), and the canonical Extended JSON an
 * order carries, which the resizer passes back untouched and {@link Document#parse} turns into the same value.
 */
public final class DocIds {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String WRAP_START = "{\"v\": ";

    private DocIds() {
    }

    public static String rowKey(String collection, Object id) {
        return collection + "|" + json(id, RELAXED);
    }

    /** The first and the last key a collection's rows can have: {@code [collection|, collection}) } */
    public static String firstKey(String collection) {
        return collection + "|";
    }

    public static String endKey(String collection) {
        return collection + "}"; // '}' follows '|' in every collation: no other collection's key sorts between
    }

    /** Canonical Extended JSON of the id, e.g. {@code {"$oid": "…"}}, {@code {"$numberLong": "7"}}, {@code "abc"}. */
    public static String canonicalJson(Object id) {
        return json(id, CANONICAL);
    }

    private static String json(Object id, JsonWriterSettings settings) {
        String wrapped = new Document("v", id).toJson(settings);
        if (!wrapped.startsWith(WRAP_START)) {
            throw new IllegalStateException("unexpected JSON for an id: " + wrapped);
        }
        return wrapped.substring(WRAP_START.length(), wrapped.length() - 1);
    }
}
