package io.mediasync.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.local.Repo;
import io.mediasync.local.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mediasync demo}, the README's first command, run as the launcher runs it (its own stack, the real
 * packages): every stage passes and says so; and a stage that fails stops the ones after it with its reason.
 */
class SystemDemoTest {

    @Test
    void theWholeSystemRunsOnceWithEveryStageVerified() throws Exception {
        TestStacks.useBuiltRuntimeClient();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(new TeeStream(printed), true, StandardCharsets.UTF_8)) {
            status = Demo.run(new String[] {"--template", Repo.root().resolve("template.yaml").toString(), "--data-dir",
                    Files.createTempDirectory("mediasync-demo").toString(), "--images-port", "0"}, out);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("[1/5] ok", "[2/5] ok", "[3/5] ok", "[4/5] ok", "[5/5] ok", "DEMO OK");
        assertThat(output).doesNotContain("FAILED");
        assertThat(status).isZero();
        // the closing summary from the functions' EMF lines: every function that took messages, none lost
        assertThat(output).contains("outcomes of every message, from the functions' metrics", "(they agree)");
        assertThat(output).containsPattern("mediasync-dev-image-resizer +[1-9][0-9]* done, 0 rejected, [0-9]+ retried, [0-9]+ timed out, [0-9]+ held back, 0 dead-lettered")
                .containsPattern("mediasync-dev-source-downloader +[1-9][0-9]* done, 0 rejected")
                .containsPattern("mediasync-dev-collection-resync-apply +[1-9][0-9]* done, 0 rejected");
    }

    @Test
    void theFirstFailingStageStopsTheDemoWithItsReason() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> ran = new ArrayList<>();
        SystemDemo.StageRunner runner = new SystemDemo.StageRunner(new PrintStream(printed, true, StandardCharsets.UTF_8), 3);
        boolean ok = runner.stage("first", () -> {
            ran.add("first");
            return "done";
        }) && runner.stage("second", () -> {
            ran.add("second");
            throw new SystemDemo.StageFailed("source 9101 should complete with 3 files downloaded");
        }) && runner.stage("third", () -> {
            ran.add("third");
            return "done";
        });
        assertThat(ok).isFalse();
        assertThat(ran).containsExactly("first", "second");
        assertThat(runner.failedStage()).isEqualTo(2);
        assertThat(runner.failure()).isEqualTo("source 9101 should complete with 3 files downloaded");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[1/3] ok in ", "[2/3] FAILED after ")
                .doesNotContain("[3/3]");
    }

    @Test
    void anUnknownPartIsRefusedWithTheKnownOnes() throws Exception {
        assertThat(Demo.run(new String[] {"everything"}, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    /** Prints to the console as the demo runs (so a CI log shows where it stopped) and keeps a copy to assert on. */
    private static final class TeeStream extends java.io.OutputStream {
        private final ByteArrayOutputStream copy;

        TeeStream(ByteArrayOutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            copy.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            copy.write(b, off, len);
            System.out.write(b, off, len);
        }
    }
}
