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
    /**
     * What Lambda's java17 and java21 runtimes run a function JVM with: the serial collector, and tiered
     * compilation stopped at C1 (quick to start; "Customize Java runtime startup behavior", AWS Lambda docs).
     * Given first in JAVA_TOOL_OPTIONS, so that JAVA_TOOL_OPTIONS set for the function overrides them, as in
     * AWS (e.g. -XX:TieredStopAtLevel=4 for a compute-heavy function).
     */
    private static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1");

    private final FunctionDef function;
    private final Path dataDir;
    private final Path runtimeClientDir;
    private final Map<String, String> localEnvironment;
    private final PrintStream console;
    private final RuntimeApiServer api;
    private volatile Process process;
    private FunctionCode code;
    private long lastColdStartMillis = -1;
    private final InvocationStats stats = new InvocationStats();

    public FunctionProcess(FunctionDef function, Path dataDir, Path runtimeClientDir, Map<String, String> localEnvironment,
            PrintStream console) {
        this.function = function;
        this.dataDir = dataDir;
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

    /** Invocations, errors, cold starts and the last error since the stack started. */
    public InvocationStats stats() {
        return stats;
    }

    /** Invokes the function once and waits for its answer (at most its timeout). */
    public synchronized Invocation.Result invoke(String event) {
        boolean cold = process == null || !process.isAlive();
        Invocation.Result result = invoke(event, cold);
        stats.count(cold, result);
        return result;
    }

    private Invocation.Result invoke(String event, boolean cold) {
        long started = System.currentTimeMillis();
        if (cold) {
            start();
        }
        Invocation invocation = new Invocation(event, function.timeoutSeconds() * 1000L);
        api.submit(invocation);
        long wait = function.timeoutSeconds() * 1000L + (cold ? 60_000 : 0); // JVM start-up is the init phase
        try {
            Invocation.Result result = invocation.result().get(wait, TimeUnit.MILLISECONDS);
            invocation.duration().ifPresent(stats::duration);
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
            code = FunctionCode.of(function.codeUri(), runtimeClientDir.resolveSibling("functions"), function.name());
            Path workDir = code.dir();
            List<String> command = command(workDir);
            api.newProcess();
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
            env.put("JAVA_TOOL_OPTIONS", javaToolOptions(env.get("JAVA_TOOL_OPTIONS")));
            process = builder.start();
            pipe(process.getInputStream());
            Process started = process;
            FunctionCode ran = code;
            started.onExit().thenRun(() -> {
                ran.keepArchive();
                api.failInFlight(function.name() + " exited with status " + started.exitValue()
                        + (api.initError() == null ? "" : " after an init error: " + api.initError()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + function.name() + " from " + function.codeUri() + ": " + e.getMessage(), e);
        }
    }

    /** Lambda's flags, then the function's own: the JVM reads them left to right, so the function's win. */
    static String javaToolOptions(String own) {
        return (String.join(" ", LAMBDA_JVM_OPTIONS) + " " + (own == null ? "" : own)).trim();
    }

    private List<String> command(Path workDir) throws IOException {
        List<String> command = new ArrayList<>();
        if (function.runtime().startsWith("provided")) {
            command.add(workDir.resolve("bootstrap").toString());
            return command;
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // Lambda gives a JVM about the function's memory; leave room for metaspace and buffers
        command.add("-Xmx" + Math.max(128, function.memoryMb() * 3 / 4) + "m");
        command.addAll(code.classDataSharing());
        command.add("-Djava.awt.headless=true");
        command.add("-D" + RIC_JNI_PROPERTY + "=" + code.runtimeClientLibrary(runtimeClientDir));
        command.add("-cp");
        command.add(code.classPath(runtimeClientDir));
        command.add(JAVA_RUNTIME_CLIENT);
        command.add(function.handler());
        return command;
    }

    private void pipe(InputStream output) {
        Path log = dataDir.resolve("logs").resolve(function.name() + ".log");
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
