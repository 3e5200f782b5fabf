package io.mediasync.catalog.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bson.Document;

/**
 * A result exactly as seed 003 shows it, keys in its order: {@code {"data": "6 upserted", "date": "…Z", "response": "ok"}}
 * or {@code {"data": {"__exception__": true, "id": null, "reason": "timeout"}, "date": …, "response": "error"}}.
 * The date has microseconds, as the seed's.
 */
public record SeedResult(String response, JsonNode data, String date) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper TREES = new ObjectMapper(); // trees only: no reflection

    public static SeedResult ok(String data, Instant at) {
        return new SeedResult("ok", NODES.textNode(data), DATE.format(at));
    }

    /** @param id the seed's exception id: null, or the id of the run that holds the lease */
    public static SeedResult error(String reason, String id, Instant at) {
        ObjectNode data = NODES.objectNode();
        data.put("__exception__", true);
        data.put("id", id);
        data.put("reason", reason);
        return new SeedResult("error", data, DATE.format(at));
    }

    public boolean ok() {
        return "ok".equals(response);
    }

    public ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        json.set("data", data);
        json.put("date", date);
        json.put("response", response);
        return json;
    }

    /** The reason of an error result (the seed's {@code data.reason}). */
    public String reason() {
        return data.path("reason").asText();
    }

    /** {@code data} as catalog_sync_runs stores it: the text of an ok result, the object of an error. */
    Object storedData() {
        return data.isTextual() ? data.asText() : Document.parse(data.toString());
    }

    /** {@code data} as it was before it was stored. */
    static JsonNode dataOf(Object stored) {
        if (!(stored instanceof Document document)) {
            return NODES.textNode(String.valueOf(stored));
        }
        try {
            return TREES.readTree(document.toJson());
        } catch (Exception e) {
            throw new IllegalStateException("stored result is not JSON", e);
        }
    }

    static String date(Instant at) {
        return DATE.format(at);
    }
}
