package io.mediasync.local;

import com.fasterxml.jackson.databind.JsonNode;

/** Orders' ids for people. */
public final class OrderIds {

    private OrderIds() {
    }

    /** An order's own id, readable ({"$oid": "x"} → x): the FIFO group `send` gives it, its name in the demos. */
    public static String readable(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isValueNode() ? id.asText() : id.path("$oid").isTextual() ? id.path("$oid").asText() : id.toString();
    }
}
