package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's rebuild rule ({@code ./mediasync build --dry-run}), on a copy of the script in a
 * repository of empty files with chosen times: a package is rebuilt only when one of its sources
 * is newer than it, and the launcher says which; a commented-out CodeUri is no package; {@code --help} builds nothing.
 */
class LauncherStalenessTest {

    private static final Instant SOURCES = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant BUILT = Instant.parse("2025-01-01T11:00:00Z");
    private static final Instant EDITED = Instant.parse("2025-01-01T12:00:00Z");

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        Files.copy(Repo.root().resolve("mediasync"), repo.resolve("mediasync"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(repo.resolve("template.yaml"), """
                Resources:
                  # How to add a function: its own CodeUri
                  ResizerFunction:
                    Properties:
                      CodeUri: functions/image-resizer/target/function.zip  # the JVM or native package
                  SchedulerFunction:
                    Properties:
                      CodeUri: "functions/source-sync/target/function.zip"
                  # CollectionResyncFunction:
                  #   Properties:
                  #     CodeUri: functions/collection-resync/target/function.zip
                """);
        for (String source : List.of("pom.xml", "functions/common/pom.xml", "functions/common/src/main/java/Common.java",
                "functions/image-resizer/pom.xml", "functions/image-resizer/src/main/java/Resizer.java",
                "functions/image-resizer/src/test/java/ResizerTest.java", "functions/source-sync/pom.xml",
                "functions/source-sync/src/main/java/Sync.java", "tools/devstack/pom.xml", "tools/devstack/src/main/java/DevStack.java",
                "tools/test-support/pom.xml", "tools/test-support/src/main/java/Fixture.java", "tools/local-runtime/pom.xml",
                "tools/local-runtime/src/main/java/Main.java")) {
            file(source, SOURCES);
        }
        for (String artifact : List.of("functions/image-resizer/target/function.zip", "functions/source-sync/target/function.zip",
                "tools/devstack/target/devstack.jar", "tools/local-runtime/target/local-runtime.jar")) {
            file(artifact, BUILT);
        }
        Files.createDirectories(repo.resolve("tools/local-runtime/target/lib"));
        Files.createDirectories(repo.resolve("tools/local-runtime/target/ric"));
    }

    @Test
    void packagesNewerThanTheirSourcesAreNotRebuilt() throws Exception {
        assertThat(dryRun()).isEqualTo("mediasync: everything is up to date\n");
    }

    @Test
    void aChangedSharedSourceRebuildsWhatIsMadeFromItAndSaysWhy() throws Exception {
        file("functions/common/src/main/java/Common.java", EDITED);

        assertThat(dryRun()).isEqualTo("""
                mediasync: rebuilding functions/image-resizer because functions/common/src/main/java/Common.java changed
                mediasync: rebuilding functions/source-sync because functions/common/src/main/java/Common.java changed
                mediasync: rebuilding tools/local-runtime because functions/common/src/main/java/Common.java changed
                """);
    }

    @Test
    void aChangedModuleRebuildsThatModuleOnly() throws Exception {
        file("functions/source-sync/src/main/java/Sync.java", EDITED);
        file("tools/devstack/pom.xml", EDITED);

        assertThat(dryRun()).isEqualTo("""
                mediasync: rebuilding functions/source-sync because functions/source-sync/src/main/java/Sync.java changed
                mediasync: rebuilding tools/devstack because tools/devstack/pom.xml changed
                """);
    }

    @Test
    void testsDoNotGoIntoAPackage() throws Exception {
        file("functions/image-resizer/src/test/java/ResizerTest.java", EDITED);

        assertThat(dryRun()).isEqualTo("mediasync: everything is up to date\n");
    }

    @Test
    void aMissingPackageIsBuiltAndTheFirstBuildIsAnnounced() throws Exception {
        Files.delete(repo.resolve("functions/image-resizer/target/function.zip"));

        assertThat(dryRun()).isEqualTo("mediasync: building functions/image-resizer (functions/image-resizer/target/function.zip does not"
                + " exist yet; a first build downloads dependencies and takes a few minutes)\n");
    }

    @Test
    void helpRunsTheCommandWithoutBuildingEvenWhenSomethingIsStale() throws Exception {
        file("functions/common/src/main/java/Common.java", EDITED);
        Path bin = Files.createDirectories(repo.resolve("bin"));
        Path java = bin.resolve("java"); // stands in for the JVM: says what it was asked to run
        Files.writeString(java, "#!/usr/bin/env bash\necho \"java ${*: -3}\"\n");
        java.toFile().setExecutable(true);

        for (List<String> command : List.of(List.of("up", "--help"), List.of("demo", "-h"), List.of("bench", "pipeline", "--help"))) {
            ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("mediasync").toString()).directory(repo.toFile())
                    .redirectErrorStream(true);
            builder.command().addAll(command);
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            List<String> last = new java.util.ArrayList<>(List.of("io.mediasync.local.Main"));
            last.addAll(command);
            assertThat(output).as(command.toString()).isEqualTo("java " + String.join(" ", last.subList(last.size() - 3, last.size())) + "\n");
        }
    }

    private void file(String path, Instant modified) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private String dryRun() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", repo.resolve("mediasync").toString(), "build", "--dry-run")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
