package io.mediasync.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./mediasync up | invoke | trigger | send | demo}: the local runtime's commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "up" -> up(rest);
            case "invoke" -> control(rest, "invoke", "--event");
            case "trigger" -> control(rest, "trigger", null);
            case "send" -> SendOrderCommand.run(rest, System.getenv(), System.in, System.out, System.err);
            case "demo" -> Demo.run(rest, System.out);
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int up(String[] args) throws IOException, InterruptedException {
        LocalOptions options = LocalOptions.parse(args, System.getenv());
        LocalCloud cloud = LocalCloud.start(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the local runtime");
            cloud.close();
        }));
        cloud.printSummary();
        System.out.println("running; Ctrl-C stops");
        new CountDownLatch(1).await();
        return 0;
    }

    /** invoke FUNCTION [--event FILE] / trigger SCHEDULE: through the running `up`'s control endpoints. */
    private static int control(String[] args, String verb, String eventFlag) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: ./mediasync " + verb + (eventFlag == null ? " SCHEDULE" : " FUNCTION [--event FILE.json]"));
            return 2;
        }
        String body = "{}";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(eventFlag)) {
                body = Files.readString(Path.of(args[++i]));
            }
        }
        String port = System.getenv().getOrDefault("MEDIASYNC_HTTP_PORT", "3000");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_mediasync/" + verb + "/" + args[0]))
                .timeout(Duration.ofMinutes(16)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.net.ConnectException e) {
            System.err.println("no local runtime on 127.0.0.1:" + port + ": start it with ./mediasync up");
            return 1;
        }
    }

    private static void usage() {
        System.err.println("""
                usage: ./mediasync COMMAND
                  up [--fresh] [--data-dir DIR] [--sqs-port N] [--s3-port N] [--mongo-port N] [--http-port N]
                     [--retry-delay PT5S] [--parameter Name=Value] [--template FILE]
                                        run every function of template.yaml locally (Ctrl-C stops)
                  invoke FUNCTION [--event FILE.json]   invoke one function once (needs `up`)
                  trigger SCHEDULE                      fire a schedule now (needs `up`)
                  send --image-url URL [--postback-url URL | --redirect-queue Q] [...]
                                        send an image order to the local resize queue
                  demo                  build, start, send seed 004's example orders, verify the results
                  bench resize [--input FILE.jpg] [--runs N]   resize benchmark""");
    }
}
