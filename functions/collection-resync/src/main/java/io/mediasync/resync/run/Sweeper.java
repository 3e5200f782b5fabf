package io.mediasync.resync.run;

import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.progress.Continuations;
import io.mediasync.resync.progress.RunCompleter;
import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.Runs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.jboss.logging.Logger;

/**
 * Before a collection's new run: completes earlier runs whose rows are all gone (taken over by later runs), and
 * resumes a run whose follow-up was lost (no invocation holds it and it has not moved for two invocation budgets,
 * e.g. its continuation went to the DLQ after a long MongoDB outage), so no run is left half done.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final Runs runs;
    private final RunCompleter completer;
    private final Continuations continuations;
    private final InvocationConfig invocation;

    public Sweeper(Runs runs, RunCompleter completer, Continuations continuations, InvocationConfig invocation) {
        this.runs = runs;
        this.completer = completer;
        this.continuations = continuations;
        this.invocation = invocation;
    }

    public void sweep(String collection) {
        completer.completeFinished();
        Date stalledBefore = invocation.stalledBefore(runs.now());
        for (ResyncRun run : runs.stalled(collection, stalledBefore)) {
            LOG.warnf("run %s has not moved since %s: resumed (%s, step %d)", run.id(), run.updatedAt(), run.phase().value(), run.seq());
            continuations.send(run.id(), collection, run.seq());
        }
    }
}
