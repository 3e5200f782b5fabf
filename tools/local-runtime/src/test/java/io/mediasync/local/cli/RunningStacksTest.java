package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a client finds the running stack: its data directory, the only one running, never a guess among several. */
class RunningStacksTest {

    private static final long ALIVE = ProcessHandle.current().pid();
    private static final long ALSO_ALIVE = ProcessHandle.current().parent().orElseThrow().pid();

    @Test
    void theOnlyRunningStackIsFoundAndAStaleEntryIsDropped() throws IOException {
        Path registry = Files.createTempDirectory("registry");
        entry(registry, ALIVE, "/data/one", 3100);
        Path stale = entry(registry, deadPid(), "/data/gone", 3200);
        assertThat(ControlClient.of(new String[0], Map.of(), registry).port()).isEqualTo(3100);
        assertThat(stale).doesNotExist();
    }

    @Test
    void twoRunningStacksAreNotGuessedBetween() throws IOException {
        Path registry = Files.createTempDirectory("registry");
        entry(registry, ALIVE, "/data/one", 3100);
        entry(registry, ALSO_ALIVE, "/data/two", 3200);
        assertThatThrownBy(() -> ControlClient.of(new String[0], Map.of(), registry)).isInstanceOf(RunningStacks.Ambiguous.class)
                .hasMessageContaining("2 local stacks are running").hasMessageContaining("--data-dir /data/one (--http-port 3100)")
                .hasMessageContaining("--data-dir /data/two (--http-port 3200)");
        assertThat(ControlClient.of(new String[] {"--http-port", "3200"}, Map.of(), registry).port()).isEqualTo(3200);
        assertThat(ControlClient.of(new String[0], Map.of("MEDIASYNC_HTTP_PORT", "3100"), registry).port()).isEqualTo(3100);
    }

    @Test
    void aDataDirectoryNamesItsStackOrSaysNoneRunsThere() throws IOException {
        Path registry = Files.createTempDirectory("registry");
        Path data = Files.createTempDirectory("data");
        Files.writeString(data.resolve(RunningStacks.FILE), json(ALIVE, data.toString(), 3300));
        entry(registry, ALSO_ALIVE, "/data/other", 3100);
        assertThat(ControlClient.of(new String[] {"--data-dir", data.toString()}, Map.of(), registry).port()).isEqualTo(3300);
        assertThat(ControlClient.of(new String[0], Map.of("MEDIASYNC_DATA_DIR", data.toString()), registry).port()).isEqualTo(3300);
        Path empty = Files.createTempDirectory("data");
        assertThatThrownBy(() -> RunningStacks.find(new String[] {"--data-dir", empty.toString()}, Map.of(), registry))
                .isInstanceOf(RunningStacks.Unknown.class).hasMessageStartingWith("no local stack runs with data directory " + empty);
        Optional<JsonNode> none = RunningStacks.find(new String[0], Map.of(), Files.createTempDirectory("registry"));
        assertThat(none).isEmpty();
    }

    private static Path entry(Path registry, long pid, String dataDir, int http) throws IOException {
        return Files.writeString(registry.resolve(pid + ".json"), json(pid, dataDir, http));
    }

    private static String json(long pid, String dataDir, int http) {
        return "{\"pid\":" + pid + ",\"dataDir\":\"" + dataDir + "\",\"http\":" + http + ",\"sqs\":\"http://127.0.0.1:1\"}";
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.pid();
    }
}
