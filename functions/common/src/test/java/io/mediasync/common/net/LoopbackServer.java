package io.mediasync.common.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 with the endpoints the client tests need. */
final class LoopbackServer implements AutoCloseable {

    static final int BODY_LIMIT = 64 * 1024;

    /** What the server saw of the last request to a path. */
    record Seen(String method, Headers headers, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int requests() {
        return requests.get();
    }

    Seen seen(String path) {
        return seen.get(path);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        seen.put(path, new Seen(exchange.getRequestMethod(), exchange.getRequestHeaders(), requestBody));
        try (exchange) {
            route(exchange, path);
        } catch (IOException e) {
            // the client went away (cancelled download, timeout): expected in several tests
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/ok") || path.equals("/headers")) {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.getResponseHeaders().add("X-Custom", "a");
            exchange.getResponseHeaders().add("X-Custom", "b");
            send(exchange, 200, "hello");
        } else if (path.startsWith("/status/")) {
            send(exchange, Integer.parseInt(path.substring("/status/".length())), "status page");
        } else if (path.startsWith("/r/")) {
            int left = Integer.parseInt(path.substring(3));
            if (left == 0) {
                send(exchange, 200, "done");
            } else {
                redirect(exchange, 302, "/r/" + (left - 1)); // relative Location
            }
        } else if (path.equals("/redirect-without-location")) {
            send(exchange, 302, "");
        } else if (path.startsWith("/redirect-")) {
            redirect(exchange, Integer.parseInt(path.substring("/redirect-".length())), "/ok");
        } else if (path.equals("/to")) {
            String target = exchange.getRequestURI().getQuery().substring("url=".length());
            redirect(exchange, 302, target.replace("{port}", Integer.toString(port())));
        } else if (path.equals("/exact")) {
            send(exchange, 200, "x".repeat(BODY_LIMIT));
        } else if (path.equals("/big-declared")) {
            bigDeclared(exchange);
        } else if (path.equals("/big-chunked")) {
            endlessChunks(exchange);
        } else if (path.equals("/stall")) {
            awaitRelease(10);
            send(exchange, 200, "too late");
        } else if (path.equals("/dribble")) {
            dribble(exchange);
        } else if (path.equals("/echo")) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            send(exchange, 201, "created " + "y".repeat(3000));
        } else {
            send(exchange, 404, "not found");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, status, "moved");
    }

    /** Declares 10 MiB, far over the limit; the client must give up on the header alone. */
    private static void bigDeclared(HttpExchange exchange) throws IOException {
        long length = 10L * 1024 * 1024;
        exchange.sendResponseHeaders(200, length);
        writeFor(exchange.getResponseBody(), length);
    }

    /** Chunked (no Content-Length), up to 100 MiB: only the byte cap can stop the client. */
    private static void endlessChunks(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        writeFor(exchange.getResponseBody(), 100L * 1024 * 1024);
    }

    private static void writeFor(OutputStream out, long bytes) throws IOException {
        byte[] chunk = new byte[8192];
        for (long written = 0; written < bytes; written += chunk.length) {
            out.write(chunk);
        }
    }

    /** One byte every 100 ms: never silent long enough for the read timeout, only the total cap stops it. */
    private void dribble(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 100 && release.getCount() > 0; i++) {
            out.write('.');
            out.flush();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitRelease(int seconds) {
        try {
            release.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
