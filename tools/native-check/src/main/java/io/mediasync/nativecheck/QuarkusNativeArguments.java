package io.mediasync.nativecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Quarkus' own {@code native-image} arguments for each function package, obtained from the real native build:
 * Maven runs it with a stand-in GraalVM whose {@code native-image} answers the version check, writes its
 * arguments beside the runner jar Quarkus prepared, and stops the build. (Quarkus refuses
 * {@code quarkus.native.sources-only} for Lambda applications, so this is the way to its arguments.) The stand-in
 * fails on purpose, so the build never goes on to package a fake executable, and the JVM function.zip is left as
 * it was.
 */
final class QuarkusNativeArguments {

    static final String ARGS_FILE = "native-image.args";

    /** One package's recorded arguments and the folder Quarkus ran {@code native-image} in. */
    record Recorded(String module, Path workingDirectory, List<String> args) {
    }

    private QuarkusNativeArguments() {
    }

    /**
     * @return the arguments of each module that reached the native-image step; a module missing from the map
     *         failed before it (see {@code mavenLog})
     */
    static Map<String, Recorded> record(Path root, List<String> modules, Path work, Path mavenLog)
            throws IOException, InterruptedException {
        Path stub = stubGraalvm(work);
        for (String module : modules) {
            for (Path old : argsFiles(root.resolve(module))) {
                Files.delete(old);
            }
        }
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "--fail-at-end",
                "-pl", String.join(",", modules), "-am", "package", "-DskipTests", "-Dnative",
                "-Dquarkus.native.container-build=false", "-Dquarkus.native.graalvm-home=" + stub));
        Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(mavenLog.toFile()).start();
        maven.getOutputStream().close();
        maven.waitFor(); // fails by design: the stand-in stops every native build it was asked for
        Map<String, Recorded> recorded = new LinkedHashMap<>();
        for (String module : modules) {
            Optional<Path> args = argsFiles(root.resolve(module)).stream().findFirst();
            if (args.isPresent()) {
                recorded.put(module, new Recorded(module, args.get().getParent(), DriverTranslation.readLines(args.get())));
            }
        }
        return recorded;
    }

    private static List<Path> argsFiles(Path module) throws IOException {
        Path target = module.resolve("target");
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(target, 2, (p, a) -> p.getFileName().toString().equals(ARGS_FILE)
                && p.getParent().getFileName().toString().endsWith("-native-image-source-jar"))) {
            return files.toList();
        }
    }

    /** A GraalVM home whose bin/native-image records its arguments in its working folder and exits with 3. */
    private static Path stubGraalvm(Path work) throws IOException {
        Path home = work.resolve("graalvm-stand-in");
        Path executable = home.resolve("bin/native-image");
        Files.createDirectories(executable.getParent());
        Files.writeString(executable, """
                #!/bin/sh
                # mediasync native-check: a stand-in for GraalVM's native-image driver. It answers the version check
                # as GraalVM CE %1$s, records the arguments Quarkus gives it and stops the native build.
                if [ "$1" = "--version" ]; then
                  echo "native-image %1$s 2026-01-20"
                  echo "GraalVM Runtime Environment GraalVM CE %1$s+10.1 (build %1$s+10-jvmci-b01)"
                  echo "Substrate VM GraalVM CE %1$s+10.1 (build %1$s+10, serial gc)"
                  exit 0
                fi
                printf '%%s\\n' "$@" > %2$s
                echo "native-check: arguments recorded in $PWD/%2$s; this build stops here on purpose" >&2
                exit 3
                """.formatted(BuilderRun.GRAALVM_VERSION, ARGS_FILE));
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
