package io.mediasync.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.mediasync.common.time.Ticker;
import io.mediasync.testsupport.HttpFixture;
import io.mediasync.testsupport.time.TestClock;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upstream catalog API on loopback (one per test JVM, reached as http://catalog.test:PORT/api through
 * {@link TestResolver}): {@code GET /api/sources?page=N} serves the items in pages, linked by a Link header or a
 * {@code next} field; {@code POST /api/token} is an OAuth 2.0 password grant. Tests set the scenario.
 */
public final class FakeCatalog {

    public enum Paging { LINK, NEXT_FIELD }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeCatalog shared;

    private final HttpFixture server = new HttpFixture();
    public volatile List<ObjectNode> items = new ArrayList<>();
    public volatile int pageSize = 2;
    public volatile Paging paging = Paging.LINK;
    public volatile long pageDelayMillis;
    /** page number → statuses answered, one per request, before the page itself (e.g. [500] = 500 once, then the page) */
    public final Map<Integer, List<Integer>> faults = new ConcurrentHashMap<>();
    public volatile int htmlPage = -1;
    public volatile int loopPage = -1;
    public volatile int stallPage = -1;
    public volatile String foreignNextOnPage;
    public volatile CountDownLatch stallRelease = new CountDownLatch(1);
    /**
     * What token expiry is measured on, and what a page's delay moves on instead of sleeping: the function's test clock
     * in the tests that give it one; null for the real clock.
     */
    public volatile TestClock clock;
    /** tokens the API accepts, with their expiry (nanoseconds on {@link #nanos()}), and what the token endpoint hands out */
    public final Map<String, Long> validTokens = new ConcurrentHashMap<>();
    public volatile long tokenLifetimeSeconds = 3600;
    public volatile boolean credentialsOk = true;
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final AtomicInteger unauthorizedAnswers = new AtomicInteger();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public volatile String lastTokenForm;
    /** The one password the token endpoint takes for catalog-user (a rotation changes it upstream too). */
    public volatile String password = "s3cret&more";

    public static synchronized FakeCatalog shared() {
        if (shared == null) {
            shared = new FakeCatalog();
        }
        return shared;
    }

    private FakeCatalog() {
        server.handle("/api/sources", this::sources);
        server.handle("/api/token", this::token);
    }

    public int port() {
        return server.port();
    }

    public void reset() {
        items = new ArrayList<>();
        pageSize = 2;
        paging = Paging.LINK;
        pageDelayMillis = 0;
        clock = null;
        faults.clear();
        htmlPage = loopPage = stallPage = -1;
        foreignNextOnPage = null;
        stallRelease.countDown();
        stallRelease = new CountDownLatch(1);
        validTokens.clear();
        validTokens.put("static-test-token", Long.MAX_VALUE);
        tokenLifetimeSeconds = 3600;
        credentialsOk = true;
        tokenRequests.set(0);
        unauthorizedAnswers.set(0);
        requests.clear();
        authorizations.clear();
        password = "s3cret&more";
    }

    public static ObjectNode item(long id, String url, String contentPath) {
        return JSON.createObjectNode().put("id", id).put("url", url).put("content_path", contentPath).put("enabled", true);
    }

    public int pages() {
        return Math.max(1, (items.size() + pageSize - 1) / pageSize);
    }

    private void sources(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestURI().toString());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        Long expiry = auth == null || !auth.startsWith("Bearer ") ? null : validTokens.get(auth.substring(7));
        if (expiry == null || nanos() - expiry > 0) {
            unauthorizedAnswers.incrementAndGet();
            HttpFixture.respond(exchange, 401, "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
        pause(pageDelayMillis);
        List<Integer> statuses = faults.get(page);
        if (statuses != null && !statuses.isEmpty()) {
            int status = statuses.remove(0);
            HttpFixture.respond(exchange, status, ("status " + status).getBytes(StandardCharsets.UTF_8), "text/plain");
            return;
        }
        if (page == stallPage) {
            await(stallRelease);
        }
        if (page == htmlPage) {
            HttpFixture.respond(exchange, 200, "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8), "text/html");
            return;
        }
        List<ObjectNode> all = items;
        ArrayNode array = JSON.createArrayNode();
        all.subList(Math.min(all.size(), (page - 1) * pageSize), Math.min(all.size(), page * pageSize)).forEach(array::add);
        String next = page == loopPage ? "/api/sources" : page < pages() ? "/api/sources?page=" + (page + 1) : null;
        if (foreignNextOnPage != null && page == 1) {
            next = foreignNextOnPage;
        }
        byte[] body;
        if (paging == Paging.LINK) {
            if (next != null) {
                exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\", </api/sources?page=1>; rel=\"first\"");
            }
            body = JSON.writeValueAsBytes(array);
        } else {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.set("items", array);
            wrapped.put("next", next == null ? null : "http://catalog.test:" + port() + next);
            body = JSON.writeValueAsBytes(wrapped);
        }
        HttpFixture.respond(exchange, 200, body, "application/json");
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastTokenForm = URLDecoder.decode(form, StandardCharsets.UTF_8);
        boolean good = credentialsOk && Set.of(form.split("&")).containsAll(Set.of("grant_type=password", "username=catalog-user",
                "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (!good) {
            HttpFixture.respond(exchange, 400, "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        String token = "tok-" + tokenRequests.get();
        validTokens.put(token, nanos() + TimeUnit.SECONDS.toNanos(tokenLifetimeSeconds));
        HttpFixture.respond(exchange, 200, JSON.writeValueAsBytes(JSON.createObjectNode().put("access_token", token)
                .put("token_type", "Bearer").put("expires_in", tokenLifetimeSeconds)), "application/json");
    }

    private long nanos() {
        TestClock test = clock;
        return test == null ? System.nanoTime() : Ticker.of(test).nanos();
    }

    private void pause(long millis) {
        TestClock test = clock;
        if (test != null) {
            test.advance(Duration.ofMillis(millis));
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
