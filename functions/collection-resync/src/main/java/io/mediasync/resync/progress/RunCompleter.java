package io.mediasync.resync.progress;

import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.Runs;
import io.mediasync.resync.store.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A run is complete when execute has finished and none of its storage rows is left: every document it provided
 * was written, found gone or current, or taken over by a later run. Only then does the watermark move.
 */
@ApplicationScoped
public class RunCompleter {

    private static final Logger LOG = Logger.getLogger(RunCompleter.class);

    private final Runs runs;
    private final Storage storage;

    public RunCompleter(Runs runs, Storage storage) {
        this.runs = runs;
        this.storage = storage;
    }

    /**
     * Completes every run that waits for results and has none left to wait for (of any collection: a run's related
     * rows live in its children's collections, and another collection's apply or execute may remove them).
     */
    public void completeFinished() {
        runs.applying().forEach(run -> completeIfDone(run.id()));
    }

    public void completeIfDone(String runId) {
        if (runId == null) {
            return;
        }
        runs.get(runId).filter(run -> run.phase() == ResyncRun.Phase.APPLYING).ifPresent(run -> {
            if (!storage.anyOf(runId) && runs.complete(run)) {
                LOG.infof("run %s completed: %s", runId, runs.get(runId).map(ResyncRun::counts).orElse(null));
            }
        });
    }
}
