package io.mediasync.sourcesync;

import com.sun.net.httpserver.HttpExchange;
import io.mediasync.testsupport.HttpFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A source website on 127.0.0.1 for tests, on top of {@link HttpFixture}: resources by path (the query is
 * ignored, so tracking parameters do not matter), with an ETag and Last-Modified each and answers 304 to
 * matching conditional requests, like a real server. Counts requests and keeps their headers.
 */
final class SourceServer implements AutoCloseable {

    /** What a path answers. */
    record Resource(int status, byte[] body, String contentType, String etag, String lastModified, Map<String, String> headers,
            long stallMillis) {
    }

    private final HttpFixture http = new HttpFixture();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, IntFunction<Resource>> dynamic = new ConcurrentHashMap<>();
    private final Map<String, Function<String, Resource>> prefixes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, String>>> requests = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger();

    SourceServer() {
        http.handle("/", this::answer);
    }

    String url(String path) {
        return http.url(path);
    }

    int port() {
        return http.port();
    }

    /** Serves {@code body} with a fresh ETag and Last-Modified. */
    SourceServer put(String path, byte[] body, String contentType) {
        return put(path, body, contentType, Map.of());
    }

    SourceServer put(String path, byte[] body, String contentType, Map<String, String> headers) {
        int version = versions.incrementAndGet();
        String etag = "\"" + sha(body).substring(0, 16) + "\"";
        String lastModified = "Mon, 0" + (1 + version % 9) + " Jan 2024 10:00:" + String.format("%02d", version % 60) + " GMT";
        resources.put(path, new Resource(200, body, contentType, etag, lastModified, headers, 0));
        return this;
    }

    SourceServer putText(String path, String body, String contentType) {
        return put(path, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Serves {@code body} without any validator (no ETag, no Last-Modified). */
    SourceServer putPlain(String path, byte[] body, String contentType) {
        resources.put(path, new Resource(200, body, contentType, null, null, Map.of(), 0));
        return this;
    }

    SourceServer status(String path, int status) {
        resources.put(path, new Resource(status, ("status " + status).getBytes(StandardCharsets.UTF_8), "text/plain", null, null,
                Map.of(), 0));
        return this;
    }

    SourceServer redirect(String path, String location) {
        resources.put(path, new Resource(302, new byte[0], "text/plain", null, null, Map.of("Location", location), 0));
        return this;
    }

    SourceServer stall(String path, long millis) {
        resources.put(path, new Resource(200, "late".getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, null,
                Map.of(), millis));
        return this;
    }

    /** The answer to the n-th request (1 = first) of a path, e.g. 503 twice then the feed. */
    SourceServer sequence(String path, IntFunction<Resource> byRequest) {
        dynamic.put(path, byRequest);
        return this;
    }

    /** Everything under a prefix, computed from the path (large generated sites). */
    SourceServer prefix(String prefix, Function<String, Resource> byPath) {
        prefixes.put(prefix, byPath);
        return this;
    }

    static Resource ok(byte[] body, String contentType) {
        return new Resource(200, body, contentType, null, null, Map.of(), 0);
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    int totalHits() {
        return total.get();
    }

    void resetHits() {
        hits.clear();
        requests.clear();
        total.set(0);
    }

    /** Request headers (lower-case names) of every request to a path, in order. */
    List<Map<String, String>> requests(String path) {
        return requests.getOrDefault(path, List.of());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        requests.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>())).add(headers);
        Resource r = dynamic.containsKey(path) ? dynamic.get(path).apply(n) : resources.get(path);
        if (r == null) {
            r = prefixes.entrySet().stream().filter(e -> path.startsWith(e.getKey())).findFirst()
                    .map(e -> e.getValue().apply(path)).orElse(null);
        }
        if (r == null) {
            HttpFixture.respond(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8), "text/plain");
            return;
        }
        if (r.stallMillis() > 0) {
            try {
                Thread.sleep(r.stallMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (r.etag() != null) {
            exchange.getResponseHeaders().add("ETag", r.etag());
        }
        if (r.lastModified() != null) {
            exchange.getResponseHeaders().add("Last-Modified", r.lastModified());
        }
        boolean etagMatches = r.etag() != null && r.etag().equals(headers.get("if-none-match"));
        boolean dateMatches = r.lastModified() != null && headers.get("if-none-match") == null
                && r.lastModified().equals(headers.get("if-modified-since"));
        if (r.status() == 200 && (etagMatches || dateMatches)) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        if (r.status() == 302) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        HttpFixture.respond(exchange, r.status(), r.body(), r.contentType());
    }

    static String sha(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
