package io.mediasync.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) for one function, on loopback: the function process's
 * runtime loop long-polls {@code invocation/next}, then posts the response or error. Written by
 * hand because it is four small endpoints and no library serves them outside AWS's own images.
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final String functionArn;
    private volatile String initError;

    public RuntimeApiServer(String functionArn) {
        this.functionArn = functionArn;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void submit(Invocation invocation) {
        pending.add(invocation);
    }

    public String initError() {
        return initError;
    }

    /** Fails what the process had taken but not answered (it died or was stopped). */
    public void failInFlight(String reason) {
        inFlight.values().forEach(i -> i.result().complete(new Invocation.Result(true, errorJson("Runtime.ExitError", reason))));
        inFlight.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, false, body);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, true, body);
            } else if (path.equals("init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown runtime API path " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            do {
                invocation = pending.poll(1, TimeUnit.HOURS);
            } while (invocation == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, invocation.event());
    }

    private void complete(HttpExchange exchange, String path, boolean error, byte[] body) throws IOException {
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown or finished request id\"}");
            return;
        }
        invocation.result().complete(new Invocation.Result(error, new String(body, StandardCharsets.UTF_8)));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    static String errorJson(String type, String message) {
        return "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
