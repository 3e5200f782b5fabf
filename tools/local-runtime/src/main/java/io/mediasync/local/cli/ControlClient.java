package io.mediasync.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.local.servers.ControlApi;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The client side of a running stack's control routes ({@link ControlApi}), for {@code invoke}, {@code trigger} and {@code env}. */
final class ControlClient {

    /** Nothing answers on the control port: the stack is not running. */
    static final class NoRuntime extends IOException {
        NoRuntime(int port) {
            super("no local runtime on 127.0.0.1:" + port + ": start it with ./mediasync up");
        }
    }

    record Response(int status, String body) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ControlClient(int port) {
        this.port = port;
    }

    /**
     * The port of {@code --http-port N} among the arguments, else the running stack {@link RunningStacks#find} names,
     * else MEDIASYNC_HTTP_PORT, else 3000.
     *
     * @throws RunningStacks.Unknown when two stacks run and nothing says which, or none runs with the data directory given
     */
    static ControlClient of(String[] args, Map<String, String> env) {
        return of(args, env, RunningStacks.registry());
    }

    static ControlClient of(String[] args, Map<String, String> env, java.nio.file.Path registry) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--http-port")) {
                return new ControlClient(Integer.parseInt(args[i + 1]));
            }
        }
        return RunningStacks.find(args, env, registry).map(stack -> new ControlClient(stack.path("http").asInt()))
                .orElseGet(() -> new ControlClient(Integer.parseInt(env.getOrDefault("MEDIASYNC_HTTP_PORT", "3000"))));
    }

    int port() {
        return port;
    }

    Response get(String route) throws IOException, InterruptedException {
        return send(request(route).timeout(Duration.ofSeconds(10)).GET());
    }

    /** A function runs up to its timeout (15 minutes at most in Lambda). */
    Response post(String route, String body) throws IOException, InterruptedException {
        return send(request(route).timeout(Duration.ofMinutes(16)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String route) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ControlApi.PREFIX + route));
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new NoRuntime(port);
        }
    }
}
