package io.mediasync.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;

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

    /** The settings of {@code up}'s flags ({@link StackFlags}) and the MEDIASYNC_* variables of {@code env} (flags win). */
    public static LocalOptions parse(String[] args, Map<String, String> env) {
        StackFlags flags = new StackFlags();
        try {
            new CommandLine(flags).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return flags.resolve(env);
    }

    /** These options, with the loopback server on {@code port} added to the servers the functions may download from. */
    public LocalOptions allowingDownloadsFrom(int port) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.merge(FunctionEnvironment.ALLOW_ORIGINS, "127.0.0.1:" + port, (a, b) -> a.isBlank() ? b : a + "," + b);
        return new LocalOptions(template, dataDir, fresh, sqsPort, s3Port, mongoPort, httpPort, imagesPort, retryDelay,
                parameterOverrides, quiet, Map.copyOf(env));
    }
}
