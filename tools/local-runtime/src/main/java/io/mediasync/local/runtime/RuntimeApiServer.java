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
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda Runtime API (2018-06-01) for one function, on loopback: the function process's
 * runtime loop long-polls {@code invocation/next}, then posts the response or error. Written by
 * hand because it is four small endpoints and no library serves them outside AWS's own images.
 * <p>
 * The JDK's server leaves Nagle's algorithm on unless {@code sun.net.httpserver.nodelay} is true when its first server
 * starts in the JVM: the event's body then waits for the runtime client's delayed ACK of its headers, about 40 ms of
 * every invocation's duration that Lambda's Runtime API does not add (bench order). The launcher and the tests set it;
 * this class sets it too, for a JVM where it is the first server.
 */
public final class RuntimeApiServer implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingDeque<Invocation> pending = new LinkedBlockingDeque<>();
    /**
     * Which process is the current one: bumped before each start. A stopped process's long poll on
     * invocation/next outlives it (the server cannot tell its socket is gone); checked against this, it gives back
     * what it takes instead of handing the next invocation to a dead process.
     */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger polling = new AtomicInteger();
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

    /** A new process is about to start: polls of the earlier ones no longer take invocations. */
    public void newProcess() {
        generation.incrementAndGet();
    }

    /** How many invocation/next requests are waiting now (one per live process; more while a stopped one's lingers). */
    int polling() {
        return polling.get();
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
        long caller = generation.get();
        Invocation invocation = null;
        polling.incrementAndGet();
        try {
            while (invocation == null) {
                if (generation.get() != caller) {
                    replaced(exchange);
                    return;
                }
                invocation = pending.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            polling.decrementAndGet();
        }
        inFlight.put(invocation.requestId(), invocation);
        if (generation.get() != caller) { // replaced while taking it: back to the front, for the new process
            inFlight.remove(invocation.requestId());
            pending.addFirst(invocation);
            replaced(exchange);
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        invocation.handedOut();
        respond(exchange, 200, invocation.event());
    }

    /** Ends the poll of a process that a newer one replaced (stopped; its socket may already be gone). */
    private static void replaced(HttpExchange exchange) throws IOException {
        respond(exchange, 410, "{\"errorMessage\":\"this runtime's process was replaced\"}");
    }

    private void complete(HttpExchange exchange, String path, boolean error, byte[] body) throws IOException {
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorMessage\":\"unknown or finished request id\"}");
            return;
        }
        invocation.answered();
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
