package io.mediasync.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of the local runtime, from flags and environment variables (flags win).
 *
 * @param imagesPort where the resized images are served; empty = 9001, or a free port when 9001 is taken
 * @param retryDelay how soon a failed message is retried locally; empty = the queue's visibility timeout, as in AWS
 * @param environment the runtime's own environment: where the settings it hands to the functions come from
 */
public record LocalOptions(Path template, Path dataDir, boolean fresh, int sqsPort, int s3Port, int mongoPort, int httpPort,
        OptionalInt imagesPort, Optional<Duration> retryDelay, Map<String, String> parameterOverrides, boolean quiet,
        Map<String, String> environment) {

    /** Local parameter values: JVM packages (native needs a container build), the seed's local names. */
    public static Map<String, String> localParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Stage", "dev");
        p.put("PackageType", "jvm");
        p.put("ResizedBucketName", "images-ch");
        p.put("ContentBucketName", "mediasync-content");
        p.put("CreateChannelImagesQueue", "true");
        p.put("MongoUrlParameter", "local");
        p.put("PostbackSecretArn", "local");
        return p;
    }

    public static LocalOptions parse(String[] args, Map<String, String> env) {
        Path template = Path.of(env.getOrDefault("MEDIASYNC_TEMPLATE", "template.yaml"));
        Path dataDir = Path.of(env.getOrDefault("MEDIASYNC_DATA_DIR", ".mediasync"));
        boolean fresh = false;
        boolean quiet = false;
        int sqs = intEnv(env, "MEDIASYNC_SQS_PORT", 9324);
        int s3 = intEnv(env, "MEDIASYNC_S3_PORT", 9000);
        int mongo = intEnv(env, "MEDIASYNC_MONGO_PORT", 27017);
        int http = intEnv(env, "MEDIASYNC_HTTP_PORT", 3000);
        String imagesPort = env.get("MEDIASYNC_IMAGES_PORT");
        OptionalInt images = imagesPort == null || imagesPort.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(imagesPort));
        Optional<Duration> retry = Optional.ofNullable(env.get("MEDIASYNC_RETRY_DELAY")).map(Duration::parse);
        Map<String, String> overrides = localParameters();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--template" -> template = Path.of(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--fresh" -> fresh = true;
                case "--quiet" -> quiet = true;
                case "--sqs-port" -> sqs = Integer.parseInt(args[++i]);
                case "--s3-port" -> s3 = Integer.parseInt(args[++i]);
                case "--mongo-port" -> mongo = Integer.parseInt(args[++i]);
                case "--http-port" -> http = Integer.parseInt(args[++i]);
                case "--images-port" -> images = OptionalInt.of(Integer.parseInt(args[++i]));
                case "--retry-delay" -> retry = Optional.of(Duration.parse(args[++i]));
                case "--parameter" -> {
                    String kv = args[++i];
                    overrides.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new LocalOptions(template, dataDir, fresh, sqs, s3, mongo, http, images, retry, overrides, quiet, Map.copyOf(env));
    }

    /** These options, with the loopback server on {@code port} added to the servers the functions may download from. */
    public LocalOptions allowingDownloadsFrom(int port) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.merge(FunctionEnvironment.ALLOW_ORIGINS, "127.0.0.1:" + port, (a, b) -> a.isBlank() ? b : a + "," + b);
        return new LocalOptions(template, dataDir, fresh, sqsPort, s3Port, mongoPort, httpPort, imagesPort, retryDelay,
                parameterOverrides, quiet, Map.copyOf(env));
    }

    private static int intEnv(Map<String, String> env, String name, int dflt) {
        String value = env.get(name);
        return value == null || value.isBlank() ? dflt : Integer.parseInt(value);
    }
}
