package io.mediasync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The devstack (SQS with FIFO, S3, MongoDB wire protocol) running in a child JVM on loopback with
 * random ports. One per test JVM: {@link #shared()} starts it on first use and stops it when the
 * JVM exits (the child also exits when our end of its stdin closes, so a killed test run leaves
 * nothing behind).
 */
public final class DevStack implements AutoCloseable {

    /** The devstack's region and the credentials it takes (any client of the local stack uses these). */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private static DevStack shared;

    private final Process process;
    private final URI sqs;
    private final URI s3;
    private final String mongo;

    private DevStack(Process process, JsonNode ready) {
        this.process = process;
        this.sqs = URI.create(ready.path("sqs").asText());
        this.s3 = URI.create(ready.path("s3").asText());
        this.mongo = ready.path("mongo").asText();
    }

    public static synchronized DevStack shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            DevStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-stop"));
        }
        return shared;
    }

    /** Ports 0 = random free ports; {@code dataDir} null = state in memory only. */
    public record Launch(int sqsPort, int s3Port, int mongoPort, Path dataDir, Path logFile) {
        public static Launch forTests() {
            return new Launch(0, 0, 0, null, devstackHome().resolve("devstack-test.log"));
        }
    }

    public static DevStack start() {
        return start(Launch.forTests());
    }

    public static DevStack start(Launch launch) {
        Path home = devstackHome();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(home.resolve("devstack.jar").toString());
        command.addAll(List.of("--sqs-port", Integer.toString(launch.sqsPort()), "--s3-port", Integer.toString(launch.s3Port()),
                "--mongo-port", Integer.toString(launch.mongoPort()), "--exit-on-stdin-eof"));
        if (launch.dataDir() != null) {
            command.addAll(List.of("--data-dir", launch.dataDir().toString()));
        }
        Process process = null;
        try {
            Files.createDirectories(launch.logFile().getParent());
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String line = firstLine.get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("devstack exited before it was ready; see " + launch.logFile());
            }
            JsonNode ready = new ObjectMapper().readTree(line);
            if (!ready.path("ready").asBoolean(false)) {
                throw new NotStarted(ready.path("error").asText(line));
            }
            return new DevStack(process, ready);
        } catch (NotStarted e) {
            stop(process);
            throw e;
        } catch (Exception e) {
            stop(process); // never left running behind a failed start
            throw new IllegalStateException("could not start the devstack from " + home + ": " + e, e);
        }
    }

    /** The devstack said why it could not start (a port in use: {@code port 9000 (S3) on 127.0.0.1 is in use}) and exited. */
    public static final class NotStarted extends IllegalStateException {
        NotStarted(String reason) {
            super(reason);
        }
    }

    private static void stop(Process process) {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** tools/devstack/target, found from -Dmediasync.root (set by the build) or by walking up from the working directory. */
    public static Path devstackHome() {
        String root = System.getProperty("mediasync.root");
        List<Path> candidates = new ArrayList<>();
        if (root != null && !root.isBlank()) {
            candidates.add(Path.of(root));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p);
        }
        for (Path candidate : candidates) {
            Path home = candidate.resolve("tools/devstack/target");
            if (Files.isRegularFile(home.resolve("devstack.jar"))) {
                return home;
            }
        }
        throw new IllegalStateException("tools/devstack/target/devstack.jar not found: build it first (./mvnw -pl tools/devstack package)");
    }

    public String region() {
        return REGION;
    }

    public Endpoints endpoints() {
        return new Endpoints(sqs, s3, mongo, REGION, ACCESS_KEY, SECRET_KEY);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
