package io.mediasync.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediasync.testsupport.MockLambda;

/** API Gateway HTTP API (payload 2.0) events as API Gateway sends them, invoked through the mock event server. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the route answered: status and parsed body. */
    record Answer(int status, JsonNode body) {
    }

    private Api() {
    }

    static Answer call(String method, String path, String rawQuery) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.putObject("headers").put("accept", "*/*");
        if (rawQuery != null) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", method + " " + path);
        context.put("stage", "$default");
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1").put("sourceIp", "127.0.0.1");
        event.put("isBase64Encoded", false);
        JsonNode response = MockLambda.invoke(event.toString());
        try {
            return new Answer(response.path("statusCode").asInt(), JSON.readTree(response.path("body").asText()));
        } catch (Exception e) {
            throw new AssertionError("body is not JSON: " + response, e);
        }
    }

    static Answer syncall() {
        return call("PATCH", "/api/syncall", null);
    }

    static Answer syncast() {
        return call("PATCH", "/api/syncast", null);
    }

    static Answer synlast(String count) {
        return call("GET", "/api/synlast", count == null ? null : "count=" + count);
    }
}
