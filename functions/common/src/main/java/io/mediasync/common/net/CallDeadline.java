package io.mediasync.common.net;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The overall time cap of one client call. Socket timeouts only bound silence, so when the cap passes a
 * timer cancels the request in flight, which closes its connection and unblocks any read.
 */
final class CallDeadline implements AutoCloseable {

    private final ScheduledFuture<?> timer;
    private volatile Cancellable current;
    private final boolean invocationsEnd;
    private final long started = System.nanoTime();
    private final long timeoutNanos;

    /** @param invocationsEnd whether the timeout is the invocation's deadline rather than the client's own cap */
    CallDeadline(ScheduledExecutorService scheduler, long timeoutMillis, boolean invocationsEnd) {
        this.invocationsEnd = invocationsEnd;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.timer = scheduler.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    boolean invocationsEnd() {
        return invocationsEnd;
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Makes {@code request} the one cancelled on expiry; cancels it at once if the cap has passed. */
    void attach(Cancellable request) {
        current = request;
        if (expired()) {
            request.cancel();
        }
    }

    /**
     * Whether the cap has passed, by the clock: the timer never fires before that, and a socket timeout of the same
     * length may fire first (a loaded machine can run the timer's thread late), so the failure is still named after
     * the cap.
     */
    boolean expired() {
        return System.nanoTime() - started >= timeoutNanos;
    }

    private void expire() {
        Cancellable request = current;
        if (request != null) {
            request.cancel();
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
