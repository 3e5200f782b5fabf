package io.mediasync.nativecheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the native-image builder needs around it that a GraalVM distribution would bring, made once in a work
 * folder from a stock JDK 25 and the builder's jars from Maven Central:
 * <ul>
 * <li>a private copy of the JDK with {@code lib/svm/builder/lib/libreporterchelper.so} (two small JNI functions
 * the builder's progress reporter loads unconditionally), compiled here with {@code cc};</li>
 * <li>a C library folder with empty static archives (the builder checks that the JDK's exist; they matter only
 * to the link, which the check does not do) and the headers its C query step compiles against;</li>
 * <li>an argument file exporting the JDK's internal packages to the builder's modules, as the driver does.</li>
 * </ul>
 */
final class BuilderInstallation {

    static final String BUILDER_MODULES = "org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,"
            + "org.graalvm.nativeimage.base,jdk.graal.compiler,org.graalvm.nativeimage.objectfile,"
            + "org.graalvm.truffle.compiler,org.graalvm.nativeimage.configure,org.graalvm.espresso.shared.svm,"
            + "org.graalvm.nativeimage.libgraal";

    private final Path builderJars;
    private final Path work;

    BuilderInstallation(Path builderJars, Path work) {
        this.builderJars = builderJars;
        this.work = work;
    }

    Path jdk() {
        return work.resolve("jdk");
    }

    Path cLibraries() {
        return work.resolve("clib");
    }

    Path exportsFile() {
        return work.resolve("exports.args");
    }

    /** The builder's module path: every jar but the compiler, which goes on the upgrade module path. */
    String modulePath() throws IOException {
        return String.join(":", jars().stream().filter(j -> !isCompiler(j)).map(Path::toString).toList());
    }

    String compilerJar() throws IOException {
        return jars().stream().filter(BuilderInstallation::isCompiler).findFirst()
                .orElseThrow(() -> new IOException("no org.graalvm.compiler jar in " + builderJars)).toString();
    }

    Path svmJar() throws IOException {
        return jars().stream().filter(j -> j.getFileName().toString().startsWith("svm-")
                && !j.getFileName().toString().startsWith("svm-c")).findFirst()
                .orElseThrow(() -> new IOException("no org.graalvm.nativeimage:svm jar in " + builderJars
                        + ": build tools/native-check first (./mvnw -pl tools/native-check -am package -DskipTests)"));
    }

    private static boolean isCompiler(Path jar) {
        return jar.getFileName().toString().startsWith("compiler-");
    }

    private List<Path> jars() throws IOException {
        if (!Files.isDirectory(builderJars)) {
            throw new IOException("no builder jars in " + builderJars
                    + ": build tools/native-check first (./mvnw -pl tools/native-check -am package -DskipTests)");
        }
        try (Stream<Path> files = Files.list(builderJars)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Makes the work folder from {@code sourceJdk} unless it was made from the same JDK before. */
    void prepare(Path sourceJdk, ProcessRunner runner) throws IOException, InterruptedException {
        Path marker = work.resolve("prepared-from");
        String identity = sourceJdk.toRealPath() + " " + Files.readString(sourceJdk.resolve("release")).hashCode();
        if (Files.exists(marker) && Files.readString(marker).equals(identity)) {
            return;
        }
        runner.run(List.of("rm", "-rf", jdk().toString(), cLibraries().toString()), work.getParent(), "clear the old builder JDK");
        Files.createDirectories(work);
        runner.run(List.of("cp", "-a", sourceJdk.toRealPath().toString(), jdk().toString()), work, "copy the JDK");
        Path helperDir = Files.createDirectories(jdk().resolve("lib/svm/builder/lib"));
        Path source = work.resolve("reporterchelper.c");
        Files.writeString(source, resource("reporterchelper.c"));
        runner.run(List.of("cc", "-shared", "-fPIC", "-O2", "-I" + jdk().resolve("include"), "-I" + jdk().resolve("include/linux"),
                "-o", helperDir.resolve("libreporterchelper.so").toString(), source.toString()), work, "compile libreporterchelper.so");
        Path include = Files.createDirectories(cLibraries().resolve("include"));
        for (String lib : List.of("java", "nio", "net", "zip", "fdlibm", "jvm")) {
            Files.writeString(cLibraries().resolve("lib" + lib + ".a"), "!<arch>\n"); // an empty ar archive
        }
        for (String[] arch : new String[][] {{"amd64", "AMD64"}, {"aarch64", "AArch64"}, {"riscv64", "RISCV64"}}) {
            Files.writeString(include.resolve(arch[0] + "cpufeatures.h"), cpuFeatures(arch, runner));
        }
        Files.writeString(include.resolve("svm_locale.h"), resource("svm_locale.h"));
        Path lister = work.resolve("ListPackages.java");
        Files.writeString(lister, resource("ListPackages.java"));
        String packages = runner.output(List.of(jdk().resolve("bin/java").toString(), lister.toString()), work, "list the JDK's packages");
        List<String> exports = new ArrayList<>();
        for (String line : packages.lines().toList()) {
            exports.add("--add-exports=" + line + "=" + BUILDER_MODULES);
        }
        Files.write(exportsFile(), exports);
        Files.writeString(marker, identity);
    }

    /** The C struct of one architecture's CPU features: one char per feature method of the builder's interface. */
    private String cpuFeatures(String[] arch, ProcessRunner runner) throws IOException, InterruptedException {
        String type = "com.oracle.svm.core." + arch[0] + "." + arch[1] + "LibCHelper$CPUFeatures";
        String javap = runner.output(List.of(jdk().resolve("bin/javap").toString(), "-cp", svmJar().toString(), type), work,
                "read " + type);
        StringBuilder header = new StringBuilder("#include <stdint.h>\ntypedef struct {\n");
        for (String line : javap.lines().toList()) {
            if (line.contains(" abstract ") && line.contains("(")) {
                String method = line.substring(0, line.indexOf('(')).trim();
                header.append("  char ").append(method.substring(method.lastIndexOf(' ') + 1)).append(";\n");
            }
        }
        return header.append("} CPUFeatures;\n").toString();
    }

    private static String resource(String name) throws IOException {
        try (var in = BuilderInstallation.class.getResourceAsStream(name)) {
            return new String(Optional.ofNullable(in).orElseThrow(() -> new IOException("missing resource " + name)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
