package io.mediasync.common.lambda;

import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a function's first invocation would otherwise do on its own clock (build the SDK and database clients, open
 * the database connection, load and compile the hot code), started on a background thread as the function's init
 * ends. The first invocation runs beside it: what is ready it uses, what is being built it waits for (CDI builds a
 * bean once), so it is never slower than without, and the two run on separate cores where the function has them.
 *
 * <p>A step that fails is logged and the next one runs: warming up never fails the function (the invocation meets the
 * same fault, and the failure policy handles it). Not run under SnapStart: the snapshot would freeze the thread
 * midway and keep connections that do not survive a restore; the function's priming hook runs before the checkpoint
 * instead.
 */
public final class ColdStartWarmup {

    /** One piece of warm-up work, named for the log. */
    public record Step(String name, Runnable work) {
    }

    private static final Logger LOG = Logger.getLogger(ColdStartWarmup.class);
    /** Set by Lambda to "snap-start" when the function is initialised for a snapshot. */
    private static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private ColdStartWarmup() {
    }

    /** Whether a warm-up may run in an environment initialised this way (the value of AWS_LAMBDA_INITIALIZATION_TYPE). */
    public static boolean allowedFor(String initializationType) {
        return !"snap-start".equals(initializationType);
    }

    /** @return the started thread, or null when this environment is initialised for a SnapStart snapshot */
    public static Thread start(String function, List<Step> steps) {
        if (!allowedFor(System.getenv(INITIALIZATION_TYPE))) {
            return null;
        }
        Thread thread = new Thread(() -> run(steps), function + "-warmup");
        thread.setDaemon(true); // never holds the process open
        thread.start();
        return thread;
    }

    /** Runs every step in order; each one's time or failure is logged at DEBUG. */
    static void run(List<Step> steps) {
        long started = System.nanoTime();
        for (Step step : steps) {
            long at = System.nanoTime();
            try {
                step.work().run();
                LOG.debugf("warm-up %s: %d ms", step.name(), (System.nanoTime() - at) / 1_000_000);
            } catch (Throwable e) { // any failure, even an Error, is the invocation's to meet, not init's
                LOG.debugf("warm-up %s failed after %d ms: %s", step.name(), (System.nanoTime() - at) / 1_000_000, e);
            }
        }
        LOG.debugf("warm-up done in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
