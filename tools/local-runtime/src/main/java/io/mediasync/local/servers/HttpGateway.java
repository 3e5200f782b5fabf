package io.mediasync.local.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediasync.local.LocalCloud;
import io.mediasync.local.runtime.FunctionProcess;
import io.mediasync.local.runtime.Invocation;
import io.mediasync.local.template.StackModel.HttpRoute;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The local HTTP front: API Gateway HTTP API (payload 2.0) for the template's HttpApi routes, and
 * the runtime's own control endpoints under {@code /_mediasync/} ({@link ControlApi}). Every request, whatever
 * its route, first passes {@link GatewayGuard}.
 */
public final class HttpGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalCloud cloud;
    private final ControlApi control;
    private final HttpServer server;

    public HttpGateway(LocalCloud cloud, int port) {
        this.cloud = cloud;
        this.control = new ControlApi(cloud);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> refused = GatewayGuard.refusal(exchange.getRequestHeaders(), port());
            if (refused.isPresent()) {
                respond(exchange, 403, error(refused.get()));
                return;
            }
            Optional<byte[]> body = GatewayGuard.body(exchange.getRequestBody());
            if (body.isEmpty()) {
                respond(exchange, 413, error("the request body is over " + GatewayGuard.MAX_BODY_BYTES + " bytes"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (ControlApi.isControl(path)) {
                ControlApi.Answer answer = control.handle(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, body.get());
                respond(exchange, answer.status(), answer.json());
            } else {
                route(exchange, path, body.get());
            }
        }
    }

    private void route(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        for (FunctionProcess function : cloud.functions().values()) {
            for (HttpRoute route : function.function().httpRoutes()) {
                if ((route.method().equals("ANY") || route.method().equals(method)) && matches(route.path(), path)) {
                    Invocation.Result result = function.invoke(apiEvent(exchange, route, path, body).toString());
                    if (result.error()) {
                        respond(exchange, 502, error("function error: " + result.body()));
                        return;
                    }
                    JsonNode response = JSON.readTree(result.body());
                    response.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
                    String text = response.path("body").asText("");
                    byte[] bytes = response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text)
                            : text.getBytes(StandardCharsets.UTF_8);
                    send(exchange, response.path("statusCode").asInt(200), bytes);
                    return;
                }
            }
        }
        respond(exchange, 404, error("no route for " + method + " " + path));
    }

    /** /api/{proxy+} matches everything below /api; {name} matches one segment. */
    static boolean matches(String template, String path) {
        String regex = template.replaceAll("\\{[^}/]+\\+}", ".+").replaceAll("\\{[^}/]+}", "[^/]+");
        return path.matches(regex);
    }

    private ObjectNode apiEvent(HttpExchange exchange, HttpRoute route, String path, byte[] body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.method() + " " + route.path());
        event.put("rawPath", path);
        event.put("rawQueryString", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        ObjectNode query = event.putObject("queryStringParameters");
        Optional.ofNullable(exchange.getRequestURI().getQuery()).ifPresent(q -> {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        });
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.method() + " " + route.path());
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        if (body.length > 0) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static String error(String message) {
        return ControlApi.error(message).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
