package io.mediasync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secrets Manager's GetSecretValue on 127.0.0.1, spoken as the service speaks it (AWS JSON 1.1: a POST to /, the
 * operation in X-Amz-Target, the answer or a typed error as JSON), so a test points the real SDK client at it with an
 * endpoint override. The devstack has no Secrets Manager. A request that is not a signed GetSecretValue is refused.
 */
public final class SecretsManagerStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SecretsManagerStub shared;

    private final HttpFixture server = new HttpFixture();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public SecretsManagerStub() {
        server.handle("/", this::answer);
    }

    /** One for every test class of this JVM (a Quarkus test profile points the function at it), stopped with the JVM. */
    public static synchronized SecretsManagerStub shared() {
        if (shared == null) {
            shared = new SecretsManagerStub();
        }
        return shared;
    }

    /** The endpoint override for the SDK: http://127.0.0.1:port */
    public URI endpoint() {
        return URI.create(server.url(""));
    }

    /** Creates the secret, or rotates it: the next GetSecretValue answers the new value. */
    public SecretsManagerStub put(String secretId, String value) {
        secrets.put(secretId, value);
        return this;
    }

    /** Down: every request is answered 500 InternalServiceError, as during an outage. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The SecretId of every GetSecretValue received, in order. */
    public List<String> reads() {
        return List.copyOf(reads);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)
                || authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            error(exchange, 400, "InvalidRequestException", "only signed GetSecretValue requests are served here");
            return;
        }
        String secretId = JSON.readTree(request).path("SecretId").asText();
        reads.add(secretId);
        if (down) {
            error(exchange, 500, "InternalServiceError", "the service is unavailable");
            return;
        }
        String value = secrets.get(secretId);
        if (value == null) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("ARN", secretId).put("Name", secretId).put("SecretString", value)
                .put("VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString())
                .put("CreatedDate", System.currentTimeMillis() / 1000.0);
        body.putArray("VersionStages").add("AWSCURRENT");
        HttpFixture.respond(exchange, 200, JSON.writeValueAsBytes(body), "application/x-amz-json-1.1");
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        JsonNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        HttpFixture.respond(exchange, status, JSON.writeValueAsBytes(body), "application/x-amz-json-1.1");
    }

    @Override
    public void close() {
        server.close();
    }
}
