package io.mediasync.common.net;

import io.mediasync.common.lambda.Deadline;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Starts each {@link CallDeadline} of one {@link SafeHttpClient}, on one daemon timer thread the client owns. */
final class DeadlineTimer implements AutoCloseable {

    private final Duration totalTimeout;
    private final ScheduledExecutorService timer;

    DeadlineTimer(Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mediasync-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** The call's cap: the client's total limit, or the invocation's deadline when that comes first. */
    CallDeadline start(Deadline until) throws FetchException {
        long limit = totalTimeout.toMillis();
        long left = until.remaining().toMillis();
        if (left <= 0) {
            throw new FetchException(FetchException.Kind.DEADLINE, "not started: the invocation's deadline has passed");
        }
        try {
            return new CallDeadline(timer, Math.min(limit, left), left < limit);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("SafeHttpClient is closed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
