package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.local.Await;
import io.mediasync.local.Main;
import io.mediasync.local.Repo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A running {@code up} (the devstack and a function process started) leaves nothing behind when it is stopped
 * (SIGTERM: its stack file goes too) or killed (SIGKILL: the children notice their parent is gone); a second
 * terminal found it by its stack file while it ran.
 */
class UpStopsCleanlyTest {

    @Test
    void stoppedWithSigtermItRemovesItsStackFileAndEveryChildExits() throws Exception {
        Path data = Files.createTempDirectory("mediasync-term");
        Process up = start(data);
        List<ProcessHandle> children = up.descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2); // the devstack and image-resizer
        up.destroy(); // SIGTERM, as Ctrl-C's shutdown
        assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitGone(children);
        assertThat(data.resolve(RunningStacks.FILE)).doesNotExist();
        assertThat(RunningStacks.registry().resolve(up.pid() + ".json")).doesNotExist();
    }

    @Test
    void killedWithSigkillEveryChildExitsToo() throws Exception {
        Path data = Files.createTempDirectory("mediasync-kill");
        Process up = start(data);
        List<ProcessHandle> children = up.descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);
        up.destroyForcibly();
        assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitGone(children);
        // the stale stack file left behind is not taken for a running stack
        assertThat(RunningStacks.running(RunningStacks.registry()).stream().map(s -> s.path("pid").asLong())).doesNotContain(up.pid());
    }

    /** up on free ports, ready, found through its stack file, with image-resizer invoked once (its process started). */
    private static Process start(Path data) throws Exception {
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process up = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Dmediasync.root=" + Repo.root(),
                "-Dmediasync.ric=" + Repo.root().resolve("tools/local-runtime/target/ric"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "up", "--template", Repo.root().resolve("template.yaml").toString(), "--data-dir", data.toString(),
                "--sqs-port", "0", "--s3-port", "0", "--mongo-port", "0", "--http-port", "0", "--images-port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until(() -> read(log).contains("running; Ctrl-C stops") || !up.isAlive(), Duration.ofMinutes(3));
            assertThat(up.isAlive()).as(read(log)).isTrue();
            JsonNode stack = new ObjectMapper().readTree(data.resolve(RunningStacks.FILE).toFile());
            assertThat(stack.path("pid").asLong()).isEqualTo(up.pid());
            HttpResponse<String> invoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + stack.path("http").asInt() + "/_mediasync/invoke/image-resizer")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"Records\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
            return up;
        } catch (Exception | AssertionError e) {
            up.destroyForcibly();
            throw e;
        }
    }

    private static void awaitGone(List<ProcessHandle> children) throws InterruptedException {
        Await.until(() -> children.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(30));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
