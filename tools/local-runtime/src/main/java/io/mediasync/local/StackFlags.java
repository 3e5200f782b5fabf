package io.mediasync.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The options of {@code up} and of the demos (which fill in their own defaults): null where not given. */
public final class StackFlags {

    @Option(names = "--template", paramLabel = "FILE", description = "the stack's template (default: template.yaml, or MEDIASYNC_TEMPLATE)")
    Path template;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "state and logs (default: .mediasync, or MEDIASYNC_DATA_DIR)")
    Path dataDir;
    @Option(names = "--fresh", description = "start from empty queues, buckets and database")
    boolean fresh;
    @Option(names = "--quiet", description = "no banner")
    boolean quiet;
    @Option(names = "--sqs-port", paramLabel = "N", description = "SQS (default 9324, or MEDIASYNC_SQS_PORT; 0: a free port)")
    Integer sqsPort;
    @Option(names = "--s3-port", paramLabel = "N", description = "S3 (default 9000, or MEDIASYNC_S3_PORT)")
    Integer s3Port;
    @Option(names = "--mongo-port", paramLabel = "N", description = "MongoDB (default 27017, or MEDIASYNC_MONGO_PORT)")
    Integer mongoPort;
    @Option(names = "--http-port", paramLabel = "N", description = "the HTTP API and control routes (default 3000, or MEDIASYNC_HTTP_PORT)")
    Integer httpPort;
    @Option(names = "--images-port", paramLabel = "N", description = "the resized images (default 9001, a free port when taken; MEDIASYNC_IMAGES_PORT)")
    Integer imagesPort;
    @Option(names = "--retry-delay", paramLabel = "PT5S", description = "how soon a failed message is retried (default: the queue's visibility timeout)")
    Duration retryDelay;
    @Option(names = "--parameter", paramLabel = "Name=Value", description = "a template parameter's value (repeatable)")
    Map<String, String> parameters = new LinkedHashMap<>();

    /** The settings: these flags, else the MEDIASYNC_* variables of {@code env}, else the defaults. */
    public LocalOptions resolve(Map<String, String> env) {
        Map<String, String> overrides = LocalOptions.localParameters();
        overrides.putAll(parameters);
        String images = env.get("MEDIASYNC_IMAGES_PORT");
        OptionalInt imagesAt = imagesPort != null ? OptionalInt.of(imagesPort)
                : images == null || images.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(images));
        Optional<Duration> retry = Optional.ofNullable(retryDelay).or(() -> Optional.ofNullable(env.get("MEDIASYNC_RETRY_DELAY")).map(Duration::parse));
        return new LocalOptions(template != null ? template : Path.of(env.getOrDefault("MEDIASYNC_TEMPLATE", "template.yaml")),
                dataDir != null ? dataDir : Path.of(env.getOrDefault("MEDIASYNC_DATA_DIR", ".mediasync")), fresh,
                port(sqsPort, env, "MEDIASYNC_SQS_PORT", 9324), port(s3Port, env, "MEDIASYNC_S3_PORT", 9000),
                port(mongoPort, env, "MEDIASYNC_MONGO_PORT", 27017), port(httpPort, env, "MEDIASYNC_HTTP_PORT", 3000),
                imagesAt, retry, overrides, quiet, Map.copyOf(env));
    }

    /** A demo's own defaults where nothing was given: fresh and quiet, its data directory, free ports, quick retries. */
    public StackFlags forDemo(String part) {
        fresh = true;
        quiet = true;
        dataDir = dataDir != null ? dataDir : Path.of(".mediasync/demo" + (part.isEmpty() ? "" : "-" + part));
        sqsPort = sqsPort != null ? sqsPort : 0;
        s3Port = s3Port != null ? s3Port : 0;
        mongoPort = mongoPort != null ? mongoPort : 0;
        httpPort = httpPort != null ? httpPort : 0;
        retryDelay = retryDelay != null ? retryDelay : Duration.ofSeconds(2);
        return this;
    }

    private static int port(Integer given, Map<String, String> env, String name, int dflt) {
        String value = env.get(name);
        return given != null ? given : value == null || value.isBlank() ? dflt : Integer.parseInt(value);
    }
}
