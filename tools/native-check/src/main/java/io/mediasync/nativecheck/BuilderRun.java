package io.mediasync.nativecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the native-image builder (module {@code org.graalvm.nativeimage.builder}, as the driver starts it) on a
 * {@link BuilderCommand} and stops it once the object file is written: class initialization, the points-to
 * analysis, the image heap and compilation all run; only the link to an executable, which needs GraalVM's static
 * JDK libraries, does not.
 */
final class BuilderRun {

    /** The builder version the jars are; the builder checks its JVMCI against the JDK it runs on. */
    static final String GRAALVM_VERSION = "25.0.2";

    record Settings(String maxHeap, boolean quickBuild, Duration timeout) {
        static Settings defaults() {
            return new Settings("8g", true, Duration.ofMinutes(30));
        }
    }

    private final BuilderInstallation installation;
    private final Settings settings;

    BuilderRun(BuilderInstallation installation, Settings settings) {
        this.installation = installation;
        this.settings = settings;
    }

    /**
     * @param workingDirectory where the driver would have run (Quarkus' native-image-source-jar folder): relative
     *        paths among the options, such as the build statistics file, are written there
     * @param output the builder's output folder: build.log, and tmp/ where the object file is written
     */
    BuilderVerdict run(BuilderCommand command, Path workingDirectory, Path output) throws IOException, InterruptedException {
        deleteRecursively(output);
        Files.createDirectories(output.resolve("tmp"));
        Path log = output.resolve("build.log");
        List<String> cmd = commandLine(command, output);
        Files.write(output.resolve("builder.args"), cmd);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(cmd).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        PeakMemory peak = PeakMemory.watch(process);
        boolean finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        long peakBytes = peak.stop();
        Optional<Path> objectFile = objectFile(output.resolve("tmp"), command.imageName());
        String text = Files.readString(log);
        if (!finished) {
            return BuilderVerdict.failed("timed out after " + settings.timeout().toMinutes() + " min", time, peakBytes, log);
        }
        if (process.exitValue() == 0 && objectFile.isPresent()) {
            return BuilderVerdict.passed(Files.size(objectFile.get()), BuildLog.reachableMethods(text), time, peakBytes, log);
        }
        return BuilderVerdict.failed(BuildLog.firstError(text, process.exitValue()), time, peakBytes, log);
    }

    List<String> commandLine(BuilderCommand command, Path output) throws IOException {
        Path jdk = installation.jdk();
        Set<String> nativeAccess = new LinkedHashSet<>(List.of(BuilderInstallation.BUILDER_MODULES.split(",")));
        nativeAccess.removeIf(m -> m.startsWith("jdk.") || m.contains("espresso") || m.contains("libgraal"));
        nativeAccess.addAll(command.nativeAccessModules());
        List<String> cmd = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(),
                "-Xmx" + settings.maxHeap(), "-Xss10m", "-XX:+UseParallelGC", "-XX:GCTimeRatio=9", "-XX:+ExitOnOutOfMemoryError",
                "-Xshare:off", "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-XX:-UseJVMCICompiler",
                "-Dtruffle.TrustAllTruffleRuntimeProviders=true",
                "-Dtruffle.TruffleRuntime=com.oracle.truffle.api.impl.DefaultTruffleRuntime",
                "-Dgraalvm.ForcePolyglotInvalid=true", "-Dgraalvm.locatorDisabled=true", "-Dsubstratevm.HostLibC=glibc",
                "-Djava.awt.headless=true", "-Dorg.graalvm.vendor=GraalVM Community",
                "-Dorg.graalvm.vendorurl=https://www.graalvm.org/", "-Dorg.graalvm.vendorversion=GraalVM CE " + GRAALVM_VERSION,
                "-Dorg.graalvm.version=" + GRAALVM_VERSION, "-Dcom.oracle.graalvm.isaot=true",
                "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Djdk.internal.lambda.disableEagerInitialization=true", "-Djdk.internal.lambda.eagerlyInitialize=false",
                "-Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false",
                "-Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1", "-Djava.lang.invoke.MethodHandle.PROFILE_GWT=false",
                "--add-modules=ALL-DEFAULT", "--enable-native-access=" + String.join(",", nativeAccess),
                "@" + installation.exportsFile(), "--upgrade-module-path", installation.compilerJar(),
                "--module-path", installation.modulePath()));
        cmd.addAll(command.jvmOptions());
        cmd.addAll(List.of("--module", "org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner",
                "-imagecp", String.join(":", command.classpath().stream().map(Path::toString).toList()),
                "-H:CLibraryPath=" + installation.cLibraries(), "-H:Path=" + output, "-H:TempDirectory=" + output.resolve("tmp"),
                "-H:Class=" + command.mainClass(), "-H:Name=" + command.imageName(), "-H:ImageBuildID=" + UUID.randomUUID(),
                "-H:+ExitAfterRelocatableImageWrite"));
        if (settings.quickBuild()) {
            cmd.add("-H:Optimize=b"); // -Ob: the same analysis, heap and errors; a faster, less optimising compile
        }
        cmd.addAll(command.builderOptions());
        return cmd;
    }

    private static Optional<Path> objectFile(Path tmp, String imageName) throws IOException {
        try (Stream<Path> files = Files.walk(tmp, 2)) {
            return files.filter(f -> f.getFileName().toString().equals(imageName + ".o")).findFirst();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
