package io.mediasync.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (random port) for tests: serves images, redirects, stalls, and
 * receives postbacks. Built on the JDK's server so it needs no dependency.
 */
public final class HttpFixture implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-fixture");
        t.setDaemon(true);
        return t;
    });

    public HttpFixture() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port + path */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public HttpFixture handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    public HttpFixture serve(String path, byte[] body, String contentType) {
        return handle(path, exchange -> respond(exchange, 200, body, contentType));
    }

    public HttpFixture status(String path, int status) {
        return handle(path, exchange -> respond(exchange, status, ("status " + status).getBytes(), "text/plain"));
    }

    public HttpFixture redirect(String path, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    /** Accepts the connection, sends nothing until {@code millis} have passed. */
    public HttpFixture stall(String path, long millis) {
        return handle(path, exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, new byte[0], "image/jpeg");
        });
    }

    /** Announces a large body, then sends one byte every {@code intervalMillis} until the client goes away. */
    public HttpFixture dribble(String path, long intervalMillis) {
        return handle(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, 1_000_000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(0xFF);
                    out.flush();
                    Thread.sleep(intervalMillis);
                }
            } catch (IOException e) {
                // the client gave up: what this handler is for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    public PostbackReceiver receiver(String path, int... statuses) {
        PostbackReceiver receiver = new PostbackReceiver(statuses);
        handle(path, receiver);
        return receiver;
    }

    public static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
