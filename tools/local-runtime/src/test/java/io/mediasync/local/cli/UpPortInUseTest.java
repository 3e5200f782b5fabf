package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.local.Main;
import io.mediasync.local.Repo;
import io.mediasync.testsupport.DevStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code up} with a port in use: exits at once with one line naming the port and the way out, and leaves no process
 * behind (none whose command line holds its data directory); the devstack alone says the same and exits too.
 */
class UpPortInUseTest {

    private static final long HANG_GUARD_MINUTES = 5;

    @Test
    void upWithTheS3PortTakenSaysSoInOneLineAndLeavesNothingRunning() throws Exception {
        Path data = Files.createTempDirectory("mediasync-busy");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Dmediasync.root=" + Repo.root(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up",
                    "--template", Repo.root().resolve("template.yaml").toString(), "--data-dir", data.toString(),
                    "--sqs-port", "0", "--s3-port", Integer.toString(port), "--mongo-port", "0", "--http-port", "0", "--images-port", "0"));
            Path errors = data.resolveSibling(data.getFileName() + ".err");
            Process up = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
            assertThat(exitValueOf(up)).isEqualTo(1);
            String err = Files.readString(errors).strip();
            assertThat(err.lines()).singleElement().asString()
                    .contains("port " + port + " (S3, --s3-port) on 127.0.0.1 is in use").contains("--s3-port N");
            // at once: refused by the port check before anything started, the devstack included
            assertThat(data.resolve("logs/devstack.log")).doesNotExist();
        }
        assertThat(processesMentioning(data)).isEmpty();
    }

    @Test
    void aStartThatFailsAfterTheDevstackRanStopsItAndSaysWhyInOneLine() throws Exception {
        Path data = Files.createTempDirectory("mediasync-badtemplate");
        Path template = data.resolveSibling(data.getFileName() + "-no-such-template.yaml"); // read once the devstack runs
        Process up = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Dmediasync.root=" + Repo.root(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up", "--template", template.toString(),
                "--data-dir", data.toString(), "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0",
                "--images-port", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(data.resolveSibling(data.getFileName() + ".err").toFile()).start();
        assertThat(exitValueOf(up)).isEqualTo(1);
        String err = Files.readString(data.resolveSibling(data.getFileName() + ".err")).strip();
        assertThat(err.lines().filter(l -> l.startsWith("up: "))).singleElement().asString().startsWith("up: could not start: ");
        assertThat(Files.exists(data.resolve("logs/devstack.log"))).as("the devstack had started").isTrue();
        assertThat(processesMentioning(data)).isEmpty();
    }

    @Test
    void theDevstackWithAPortTakenSaysWhichAndExits() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("mediasync-busy-devstack");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            // NotStarted comes only from the devstack's own first line (a devstack that hung would end in
            // DevStack's 60 s wait for that line, as another exception): it said which port, then exited
            assertThatThrownBy(() -> DevStack.start(new DevStack.Launch(0, 0, port, data, data.resolve("devstack.log"))))
                    .isInstanceOf(DevStack.NotStarted.class).hasMessage("port " + port + " (MongoDB) on 127.0.0.1 is in use");
        }
        assertThat(processesMentioning(data)).isEmpty();
    }

    /**
     * The exit value once {@code up} has exited by itself. How long that takes is not asserted; the bound, far above
     * the seconds a start takes, only turns a hang into a failure (the process is then stopped).
     */
    private static int exitValueOf(Process up) throws Exception {
        try {
            return up.onExit().get(HANG_GUARD_MINUTES, TimeUnit.MINUTES).exitValue();
        } finally {
            up.destroyForcibly();
        }
    }

    /** Processes whose command line names this directory: what a start left behind. */
    private static List<String> processesMentioning(Path dir) throws InterruptedException {
        String needle = dir.toString();
        for (int i = 0; i < 40; i++) { // a process being reaped may still show briefly
            List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(250);
        }
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }
}
