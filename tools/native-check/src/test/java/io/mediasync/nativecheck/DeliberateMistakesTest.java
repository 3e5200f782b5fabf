package io.mediasync.nativecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check can fail: a program with a native mistake (an open file or a started thread frozen into the image heap
 * by build-time initialization, declared in its jar's native-image.properties as a library would) goes through the
 * same translation and builder as the functions, and the check answers with the builder's error. One mistake per
 * build: the builder stops at the first disallowed heap object, so two in one program would prove only one.
 */
class DeliberateMistakesTest {

    private static final String MISTAKES = "io.mediasync.nativecheck.mistakes";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "OpenFileHolder, Detected a FileDescriptor in the image heap",
        "StartedThreadHolder, Detected a started Thread in the image heap. Thread name: mistake-ticker"})
    void aProgramThatFreezesAnOpenFileOrAStartedThreadIntoTheImageFailsTheCheckWithTheBuildersError(String holder,
            String builderError) throws Exception {
        Path jdk = NativeCheck.findJdk25();
        assumeTrue(jdk != null, "no JDK 25 under /usr/lib/jvm to run the builder on");
        Path work = Path.of(System.getProperty("native-check.work"));
        BuilderInstallation installation = new BuilderInstallation(Path.of(System.getProperty("native-check.builder")), work);
        installation.prepare(jdk, new ProcessRunner());
        mistakesJar(dir.resolve("mistakes.jar"), holder);
        // the arguments as Quarkus passes them: the mistakes come only from the jar's own metadata
        List<String> args = List.of("-J-Dfile.encoding=UTF-8", "--no-fallback", "--link-at-build-time", "mistakes", "-jar", "mistakes.jar");

        Path out = work.resolve("out/deliberate-mistakes-" + holder);

        String verdict = NativeCheck.check(new QuarkusNativeArguments.Recorded("mistakes", dir, args), installation,
                BuilderRun.Settings.defaults(), out);

        assertThat(verdict).startsWith("FAILED").contains(builderError).contains(out.resolve("build.log").toString());
        assertThat(verdict).doesNotContain("object file");
        assertThat(Files.readString(out.resolve("build.log"))).contains(builderError);
    }

    /** The fixture classes in a runnable jar whose native-image.properties initializes one holder at build time. */
    private static void mistakesJar(Path jar, String holder) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MISTAKES + ".MistakesMain");
        Path classes = Path.of(DeliberateMistakesTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path pkg = classes.resolve(MISTAKES.replace('.', '/'));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("META-INF/native-image/io.mediasync/mistakes/native-image.properties"));
            j.write(("Args = --initialize-at-build-time=" + MISTAKES + "." + holder + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }
}
