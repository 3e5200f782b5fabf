package io.mediasync.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An API Gateway HTTP API (payload 2.0) response: status, JSON body, {@code Content-Type: application/json}. */
public record HttpAnswer(int status, JsonNode body) {

    public ObjectNode toEventResponse() {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("statusCode", status);
        response.putObject("headers").put("content-type", "application/json");
        response.put("body", body.toString());
        response.put("isBase64Encoded", false);
        return response;
    }
}
