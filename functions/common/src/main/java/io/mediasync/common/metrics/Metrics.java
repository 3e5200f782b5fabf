package io.mediasync.common.metrics;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The functions' metrics, written as CloudWatch Embedded Metric Format lines on stdout, which Lambda sends to the
 * function's log group (its LogFormat is Text, so CloudWatch reads each line as it is and extracts the metrics). No
 * PutMetricData call: no latency, no IAM permission, no SDK client.
 *
 * <p>Anything may add a value at any time; {@link #flush()} writes them at the end of each invocation
 * ({@code SqsBatches} does for every SQS function, the other handlers in a {@code finally}). One process runs
 * one invocation at a time on Lambda, so one buffer per process is one per invocation. The lines bypass the logging
 * framework on purpose: Quarkus' JSON console format would wrap them in a log record, and CloudWatch would no longer
 * see an EMF document.
 */
public final class Metrics {

    public static final String NAMESPACE = "mediasync";

    private static final MetricsBuffer BUFFER = new MetricsBuffer();
    private static volatile boolean coldStart = true;
    private static volatile String function;

    private Metrics() {
    }

    public static void count(Metric metric, long n) {
        if (n != 0) {
            BUFFER.add(metric, null, n);
        }
    }

    /** A count of a metric with a breakdown, e.g. Rejected by Reason. */
    public static void count(Metric metric, String breakdownValue, long n) {
        if (n != 0) {
            BUFFER.add(metric, breakdownValue, n);
        }
    }

    /** One size (Bytes) or time (Milliseconds) value. */
    public static void value(Metric metric, double value) {
        BUFFER.add(metric, null, value);
    }

    /** A time given in nanoseconds, as Milliseconds. */
    public static void nanos(Metric metric, long nanos) {
        value(metric, Math.round(nanos / 1_000.0) / 1_000.0);
    }

    /** Writes what the invocation added (and ColdStart, on the environment's first), then starts afresh. */
    public static void flush() {
        if (coldStart) {
            coldStart = false;
            BUFFER.add(Metric.COLD_START, null, 1);
        }
        long now = System.currentTimeMillis();
        StringBuilder out = new StringBuilder();
        BUFFER.drain().forEach((group, series) -> EmfFormat.lines(NAMESPACE, function(), now, group, series)
                .forEach(line -> out.append(line).append('\n')));
        if (!out.isEmpty()) {
            write(out.toString());
        }
    }

    /**
     * One write and a flush, holding System.out's lock: a log line written meanwhile by another thread cannot land
     * inside a metrics line. Looked up at each flush, so a test can capture System.out.
     */
    private static void write(String lines) {
        PrintStream stdout = System.out;
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        synchronized (stdout) {
            stdout.write(bytes, 0, bytes.length);
            stdout.flush();
        }
    }

    /**
     * The {@code Function} dimension: the Lambda function's name (with its stage, e.g. mediasync-prod-image-resizer, as
     * AWS/Lambda's FunctionName), else the handler's name (a test run); read at the first flush, never at build time.
     */
    static String function() {
        String name = function;
        if (name == null) {
            name = FunctionName.resolve(System.getenv("AWS_LAMBDA_FUNCTION_NAME"), System.getenv("QUARKUS_LAMBDA_HANDLER"),
                    handlerFromConfig());
            function = name;
        }
        return name;
    }

    private static Optional<String> handlerFromConfig() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("quarkus.lambda.handler", String.class);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no configuration outside Quarkus (a plain unit test)
        }
    }
}
