package io.mediasync.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every request it receives and answers with the given statuses in turn (the last one repeats). */
public final class PostbackReceiver implements HttpHandler {

    public record Received(String method, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final int[] statuses;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Received> received = new ArrayList<>();

    PostbackReceiver(int... statuses) {
        this.statuses = statuses.length == 0 ? new int[] {200} : statuses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        int call = calls.getAndIncrement();
        synchronized (received) {
            received.add(new Received(exchange.getRequestMethod(), headers, body));
            received.notifyAll();
        }
        int status = statuses[Math.min(call, statuses.length - 1)];
        HttpFixture.respond(exchange, status, "{}".getBytes(), "application/json");
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until at least {@code count} requests arrived, or the timeout passes; returns what arrived. */
    public List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }
}
