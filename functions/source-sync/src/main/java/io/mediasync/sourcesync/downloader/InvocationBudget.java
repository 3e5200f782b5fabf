package io.mediasync.sourcesync.downloader;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.InvocationSettings;
import io.mediasync.common.time.Ticker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one invocation may still do: file requests (MAX_FILES_PER_INVOCATION) and time (INVOCATION_BUDGET,
 * and never past Lambda's own timeout minus a margin). Shared by the messages of one batch.
 */
public final class InvocationBudget {

    private final Deadline deadline;
    private final int maxFiles;
    private final AtomicInteger files = new AtomicInteger();

    InvocationBudget(Deadline deadline, int maxFiles) {
        this.deadline = deadline;
        this.maxFiles = Math.max(1, maxFiles);
    }

    public static InvocationBudget start(InvocationSettings invocation, int maxFiles, Context context) {
        return start(invocation, maxFiles, context, Ticker.system());
    }

    /** @param ticker what the time is measured on (a test's clock) */
    public static InvocationBudget start(InvocationSettings invocation, int maxFiles, Context context, Ticker ticker) {
        return new InvocationBudget(Deadline.forInvocation(context, invocation.timeMargin(), invocation.budget(), ticker), maxFiles);
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
