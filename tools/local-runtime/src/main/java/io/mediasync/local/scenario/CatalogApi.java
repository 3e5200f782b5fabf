package io.mediasync.local.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A catalog API on loopback, as seed 003's upstream: {@code GET /api/sources?page=N} (pages linked by an RFC 8288
 * Link header, bearer token required) and {@code POST /api/token} (OAuth 2.0 password grant for one user). For the
 * demo, the benchmark and the end-to-end tests; the function under test reaches it through its real HTTP client.
 */
public final class CatalogApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpFixture web;
    private final String user;
    private final String password;
    private final int pageSize;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sourceRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile List<ObjectNode> sources = List.of();

    public CatalogApi(HttpFixture web, String user, String password, int pageSize) {
        this.web = web;
        this.user = user;
        this.password = password;
        this.pageSize = pageSize;
        web.handle("/api/sources", this::sources);
        web.handle("/api/token", this::token);
    }

    /** CATALOG_API_URL for this API. */
    public String baseUrl() {
        return web.url("/api");
    }

    public void list(List<ObjectNode> items) {
        sources = List.copyOf(items);
    }

    public static ObjectNode source(long id, String url, String contentPath, String title) {
        return JSON.createObjectNode().put("id", id).put("url", url).put("content_path", contentPath).put("enabled", true)
                .put("title", title);
    }

    public int sourceRequests() {
        return sourceRequests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    private void sources(HttpExchange exchange) throws IOException {
        sourceRequests.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            HttpFixture.respond(exchange, 401, "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
        List<ObjectNode> all = sources;
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        ArrayNode items = JSON.createArrayNode();
        all.subList(Math.min(all.size(), (page - 1) * pageSize), Math.min(all.size(), page * pageSize)).forEach(items::add);
        if (page < pages) {
            exchange.getResponseHeaders().add("Link", "</api/sources?page=" + (page + 1) + ">; rel=\"next\"");
        }
        HttpFixture.respond(exchange, 200, JSON.writeValueAsBytes(items), "application/json");
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = HttpForms.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"password".equals(form.get("grant_type")) || !user.equals(form.get("username")) || !password.equals(form.get("password"))) {
            HttpFixture.respond(exchange, 400, "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        String token = "catalog-token-" + tokenRequests.get();
        tokens.add(token);
        HttpFixture.respond(exchange, 200, JSON.writeValueAsBytes(JSON.createObjectNode().put("access_token", token)
                .put("token_type", "Bearer").put("expires_in", 3600)), "application/json");
    }
}
