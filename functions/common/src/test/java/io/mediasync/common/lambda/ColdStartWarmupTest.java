package io.mediasync.common.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.lambda.ColdStartWarmup.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartWarmupTest {

    @Test
    void aFailingStepIsSkippedAndTheNextOnesStillRunInOrder() {
        List<String> ran = new ArrayList<>();
        ColdStartWarmup.run(List.of(
                new Step("s3", () -> ran.add("s3")),
                new Step("broken", () -> {
                    throw new IllegalStateException("S3 unreachable");
                }),
                new Step("error", () -> {
                    throw new StackOverflowError();
                }),
                new Step("sqs", () -> ran.add("sqs"))));
        assertThat(ran).containsExactly("s3", "sqs");
    }

    @Test
    void runsOnItsOwnDaemonThreadAndNeverUnderSnapStart() throws InterruptedException {
        List<String> ran = new ArrayList<>();
        Thread thread = ColdStartWarmup.start("f", List.of(new Step("one", () -> ran.add(Thread.currentThread().getName()))));
        assertThat(thread).isNotNull(); // this JVM is not initialised for a snapshot
        thread.join(10_000);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(ran).containsExactly("f-warmup");
        assertThat(ColdStartWarmup.allowedFor("snap-start")).isFalse();
        assertThat(ColdStartWarmup.allowedFor("on-demand")).isTrue();
        assertThat(ColdStartWarmup.allowedFor(null)).isTrue();
    }
}
