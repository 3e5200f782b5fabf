package io.mediasync.local.runtime;

import io.mediasync.local.template.StackModel.FunctionDef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One function of the template, run from its real package (the function.zip the template
 * deploys) in its own process, talking to its own Runtime API. Started on the first invocation (a
 * cold start, as in Lambda), restarted after a crash or a timeout. Invocations are serialised:
 * one process is one Lambda execution environment.
 */
public final class FunctionProcess implements AutoCloseable {

    private static final String JAVA_RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /**
     * Where the runtime interface client loads its JNI library from. Without it, every process writes the
     * library to the same /tmp/.libaws-lambda-jni.so and loads it from there: processes starting together
     * rewrite it under each other's feet, and the JVM dies with SIGBUS in the dynamic loader.
     */
    private static final String RIC_JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final FunctionDef function;
    private final Path workDir;
    private final Path runtimeClientDir;
    private final Map<String, String> localEnvironment;
    private final PrintStream console;
    private final RuntimeApiServer api;
    private volatile Process process;
    private long lastColdStartMillis = -1;

    public FunctionProcess(FunctionDef function, Path dataDir, Path runtimeClientDir, Map<String, String> localEnvironment,
            PrintStream console) {
        this.function = function;
        this.workDir = dataDir.resolve("functions").resolve(function.name());
        this.runtimeClientDir = runtimeClientDir;
        this.localEnvironment = localEnvironment;
        this.console = console;
        this.api = new RuntimeApiServer("arn:aws:lambda:us-east-1:000000000000:function:" + function.name());
    }

    public FunctionDef function() {
        return function;
    }

    /** The process id of the running function, for measurements (the benchmarks read its heap). */
    public OptionalLong pid() {
        Process running = process;
        return running != null && running.isAlive() ? OptionalLong.of(running.pid()) : OptionalLong.empty();
    }

    /** Milliseconds from process start to the end of the first invocation after it, or -1. */
    public long lastColdStartMillis() {
        return lastColdStartMillis;
    }

    /** Invokes the function once and waits for its answer (at most its timeout). */
    public synchronized Invocation.Result invoke(String event) {
        long started = System.currentTimeMillis();
        boolean cold = process == null || !process.isAlive();
        if (cold) {
            start();
        }
        Invocation invocation = new Invocation(event, function.timeoutSeconds() * 1000L);
        api.submit(invocation);
        long wait = function.timeoutSeconds() * 1000L + (cold ? 60_000 : 0); // JVM start-up is the init phase
        try {
            Invocation.Result result = invocation.result().get(wait, TimeUnit.MILLISECONDS);
            if (cold) {
                lastColdStartMillis = System.currentTimeMillis() - started;
            }
            return result;
        } catch (TimeoutException e) {
            stop();
            return new Invocation.Result(true, RuntimeApiServer.errorJson("Sandbox.Timedout",
                    "Task timed out after " + function.timeoutSeconds() + " seconds"));
        } catch (Exception e) {
            stop();
            return new Invocation.Result(true, RuntimeApiServer.errorJson("Runtime.Unknown", e.toString()));
        }
    }

    private void start() {
        try {
            unpack();
            List<String> command = command();
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("QUARKUS_") || k.startsWith("MEDIASYNC_"));
            env.putAll(function.environment());
            env.putAll(localEnvironment);
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_EXECUTION_ENV", function.runtime().startsWith("java") ? "AWS_Lambda_" + function.runtime() : "");
            env.put("LAMBDA_TASK_ROOT", workDir.toString());
            env.put("_HANDLER", function.handler());
            process = builder.start();
            pipe(process.getInputStream());
            Process started = process;
            started.onExit().thenRun(() -> api.failInFlight(function.name() + " exited with status " + started.exitValue()
                    + (api.initError() == null ? "" : " after an init error: " + api.initError())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + function.name() + " from " + function.codeUri() + ": " + e.getMessage(), e);
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (function.runtime().startsWith("provided")) {
            command.add(workDir.resolve("bootstrap").toString());
            return command;
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // Lambda gives a JVM about the function's memory; leave room for metaspace and buffers
        command.add("-Xmx" + Math.max(128, function.memoryMb() * 3 / 4) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-D" + RIC_JNI_PROPERTY + "=" + runtimeClientLibrary());
        command.add("-cp");
        command.add(workDir + ":" + workDir.resolve("lib") + "/*:" + runtimeClientDir + "/*");
        command.add(JAVA_RUNTIME_CLIENT);
        command.add(function.handler());
        return command;
    }

    /** This function's own copy of the runtime interface client's JNI library (see {@link #RIC_JNI_PROPERTY}). */
    private String runtimeClientLibrary() {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        Path library = workDir.resolve(".ric").resolve("libaws-lambda-jni.so");
        try {
            if (!Files.isRegularFile(library)) {
                Files.createDirectories(library.getParent());
                try (var jars = Files.list(runtimeClientDir)) {
                    Path jar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                            .findFirst().orElseThrow(() -> new IOException("no runtime interface client in " + runtimeClientDir));
                    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                        ZipEntry entry = zip.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so");
                        Path partial = library.resolveSibling("libaws-lambda-jni.so.partial");
                        Files.copy(zip.getInputStream(entry), partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.move(partial, library, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            return library.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's library: " + e.getMessage(), e);
        }
    }

    /** Unpacks function.zip when it is newer than what was unpacked last time. */
    private void unpack() throws IOException {
        Path zip = function.codeUri();
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + " not found: build the package first (./mvnw package -DskipTests)");
        }
        Path stamp = workDir.resolve(".unpacked-from");
        String version = zip + "@" + Files.getLastModifiedTime(zip).toMillis();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(version)) {
            return;
        }
        if (Files.exists(workDir)) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = workDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(workDir)) {
                    throw new IOException("zip entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        Path bootstrap = workDir.resolve("bootstrap");
        if (Files.exists(bootstrap)) {
            bootstrap.toFile().setExecutable(true);
        }
        Files.writeString(stamp, version);
    }

    private void pipe(InputStream output) {
        Path log = workDir.getParent().getParent().resolve("logs").resolve(function.name() + ".log");
        Thread thread = new Thread(() -> {
            try {
                Files.createDirectories(log.getParent());
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                        var file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        file.write(line);
                        file.newLine();
                        file.flush();
                        if (console != null) {
                            console.println("[" + function.name() + "] " + line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "log-" + function.name());
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        api.close();
    }
}
