package io.mediasync.local.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediasync.local.Samples;
import io.mediasync.testsupport.AwsClients;
import io.mediasync.testsupport.Endpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The resized images, read-only over plain HTTP on loopback, as a CDN (or
 * {@code PublicReadResized=true}) serves them in AWS: the local stack's {@code PUBLIC_BASE_URL},
 * so the URLs in results and records open in a browser: GET and HEAD of {@code /images-resized/…}
 * from the resized bucket. Nothing else of the bucket is reachable. It also serves the bundled sample images
 * under {@code /samples/…}: what a public order can name (only the system's own orders read {@code s3://}).
 */
public final class ImageServer implements AutoCloseable {

    /** The documented port; taken by another stack, the images get a free port instead (said in the banner). */
    public static final int DEFAULT_PORT = 9001;
    private static final String RESULTS = "/images-resized/";
    public static final String SAMPLES = "/samples/";

    private final HttpServer server;
    private final boolean fellBack;
    private volatile S3Client s3;
    private volatile String bucket;

    private ImageServer(HttpServer server, boolean fellBack) {
        this.server = server;
        this.fellBack = fellBack;
    }

    /** Binds now (the URL is the template's PublicBaseUrl, needed before the template is read); serves from {@link #start}. */
    public static ImageServer bind(OptionalInt port) {
        try {
            try {
                return new ImageServer(listen(port.orElse(DEFAULT_PORT)), false);
            } catch (BindException e) {
                if (port.isPresent()) {
                    throw e;
                }
                return new ImageServer(listen(0), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port.orElse(DEFAULT_PORT) + ": " + e.getMessage(), e);
        }
    }

    private static HttpServer listen(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    }

    /** @param resizedBucket empty when no function of the template has a RESIZED_BUCKET: then no image is found */
    public void start(Endpoints endpoints, Optional<String> resizedBucket) {
        this.s3 = AwsClients.s3(endpoints);
        this.bucket = resizedBucket.orElse(null);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "image-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** True when the default port was taken and a free one is used. */
    public boolean fellBack() {
        return fellBack;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                text(exchange, 405, "read-only: GET and HEAD only");
                return;
            }
            String path = exchange.getRequestURI().getPath(); // decoded: "Test%20Bucket" is the key's "Test Bucket"
            if (path.startsWith(RESULTS) && Arrays.stream(path.substring(1).split("/", -1))
                    .noneMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
                result(exchange, path.substring(1));
            } else if (path.startsWith(SAMPLES) && Samples.NAMES.contains(path.substring(SAMPLES.length()))) {
                String name = path.substring(SAMPLES.length());
                send(exchange, 200, Samples.contentType(name), Samples.bytes(name));
            } else {
                text(exchange, 404, "only the resized images (" + baseUrl() + RESULTS + "…) and the samples ("
                        + baseUrl() + SAMPLES + String.join(", ", Samples.NAMES) + ") are here");
            }
        }
    }

    private void result(HttpExchange exchange, String key) throws IOException {
        if (bucket == null) {
            text(exchange, 404, "the template configures no RESIZED_BUCKET");
            return;
        }
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            text(exchange, 404, "no image " + key + " in bucket " + bucket);
            return;
        } catch (S3Exception e) {
            text(exchange, 502, "S3 answered " + e.statusCode() + " for " + key);
            return;
        }
        send(exchange, 200, contentTypeOf(key, object.response().contentType()), object.asByteArray());
    }

    /**
     * The stored type, or (none stored, or S3's generic one) the type the key's extension names: the resizer's .jpeg
     * and .webp renditions (issue 25) open in a browser either way.
     */
    public static String contentTypeOf(String key, String stored) {
        if (stored != null && !stored.isBlank() && !stored.equals("binary/octet-stream")
                && !stored.equals("application/octet-stream")) {
            return stored;
        }
        return key.endsWith(".webp") ? "image/webp" : key.endsWith(".jpeg") || key.endsWith(".jpg") ? "image/jpeg"
                : "application/octet-stream";
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType == null ? "application/octet-stream" : contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (s3 != null) {
            s3.close();
        }
    }
}
