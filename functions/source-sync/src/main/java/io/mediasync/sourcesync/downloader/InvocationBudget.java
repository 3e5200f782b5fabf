package io.mediasync.sourcesync.downloader;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.fetch.Deadline;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one invocation may still do: file requests (MAX_FILES_PER_INVOCATION) and time (INVOCATION_BUDGET,
 * and never past Lambda's own timeout minus a margin). Shared by the messages of one batch.
 */
public final class InvocationBudget {

    /** Lambda's longest timeout; a larger "remaining time" is not a real Lambda context (tests, mock server). */
    private static final long LAMBDA_MAX_MILLIS = Duration.ofMinutes(15).toMillis();

    private final Deadline deadline;
    private final int maxFiles;
    private final AtomicInteger files = new AtomicInteger();

    InvocationBudget(Deadline deadline, int maxFiles) {
        this.deadline = deadline;
        this.maxFiles = Math.max(1, maxFiles);
    }

    public static InvocationBudget start(SyncConfig config, Context context) {
        Duration budget = config.invocationBudget();
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        if (remaining > 0 && remaining <= LAMBDA_MAX_MILLIS) {
            // the margin never takes more than a quarter of the time, so every invocation makes progress
            long margin = Math.min(config.timeMargin().toMillis(), remaining / 4);
            Duration lambda = Duration.ofMillis(remaining - margin);
            budget = lambda.compareTo(budget) < 0 ? lambda : budget;
        }
        return new InvocationBudget(Deadline.in(budget), config.maxFilesPerInvocation());
    }

    public Deadline deadline() {
        return deadline;
    }

    public void countFiles(int n) {
        files.addAndGet(n);
    }

    public int filesLeft() {
        return Math.max(0, maxFiles - files.get());
    }

    /** Time to hand over to a follow-up order. */
    public boolean exhausted() {
        return deadline.passed() || files.get() >= maxFiles;
    }
}
