package io.mediasync.resync.run;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.execute.Executor;
import io.mediasync.resync.progress.Continuations;
import io.mediasync.resync.progress.RunCompleter;
import io.mediasync.resync.progress.StepResult;
import io.mediasync.resync.provide.Provider;
import io.mediasync.resync.store.RunView;
import io.mediasync.resync.store.Runs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Advances a run for as long as the invocation has time: provide page by page, then execute page by page, saving
 * the cursor after every page. When time runs short it hands the run over to a follow-up message on the work
 * queue. One invocation at a time holds a run (a lease in the run record); a continuation already overtaken
 * ({@code seq} behind the record's) is dropped.
 */
@ApplicationScoped
public class RunDriver {

    private static final Logger LOG = Logger.getLogger(RunDriver.class);

    private final Runs runs;
    private final Provider provider;
    private final Executor executor;
    private final RunCompleter completer;
    private final Continuations continuations;
    private final InvocationConfig invocation;
    private final FailurePolicy policy;

    public RunDriver(Runs runs, Provider provider, Executor executor, RunCompleter completer, Continuations continuations,
            InvocationConfig invocation, FailurePolicy policy) {
        this.runs = runs;
        this.provider = provider;
        this.executor = executor;
        this.completer = completer;
        this.continuations = continuations;
        this.invocation = invocation;
        this.policy = policy;
    }

    /** Advances the run if it can be taken now. @return the run record afterwards; empty when another invocation holds it */
    public Optional<Document> advance(String runId, long seq, Deadline deadline) {
        Duration lease = deadline.remaining().plus(invocation.timeMargin());
        Optional<Document> taken = runs.acquire(runId, seq, lease);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        MDC.put("runId", runId);
        RunView run = new RunView(taken.get());
        try {
            for (int pages = 0; pages < invocation.maxPages() && Runs.ACTIVE.contains(run.phase())
                    && deadline.remaining().compareTo(invocation.messageReserve()) >= 0; pages++) {
                run = step(run);
            }
        } catch (RuntimeException e) {
            Failure failure = policy.classify(e);
            runs.error(runId, run.phase(), failure.code(), failure.reason());
            runs.release(runId);
            throw e;
        }
        if (Runs.ACTIVE.contains(run.phase())) {
            long next = run.seq() + 1;
            runs.handOver(runId, next); // before the send: the follow-up must find the run free
            continuations.send(runId, run.collection(), next);
            LOG.infof("run %s continues in a follow-up invocation (%s, step %d)", runId, run.phase(), next);
        } else {
            runs.release(runId);
        }
        return runs.get(runId);
    }

    /**
     * Why a continuation could not take its run: throws when the run does not exist (permanent) or a live invocation
     * holds it (retried later); returns when the run has moved past this continuation (a duplicate: nothing to do).
     */
    public void whyNotTaken(String runId, long seq) throws FailureException {
        Optional<Document> run = runs.get(runId);
        if (run.isEmpty()) {
            throw FailureException.permanent("unknown_run", "no run " + runId + " in resync_runs");
        }
        if (Runs.ACTIVE.contains(run.get().getString("phase")) && new RunView(run.get()).seq() <= seq) {
            throw new FailureException("run_busy", "run " + runId + " is being advanced by another invocation", true, null);
        }
        LOG.infof("run %s has moved past step %d (%s): nothing to do", runId, seq, run.get().getString("phase"));
    }

    private RunView step(RunView run) {
        Date now = runs.now();
        String phase = run.phase();
        StepResult result = Runs.PROVIDING.equals(phase) ? provider.step(run, now) : executor.step(run, now);
        if (result.finished()) {
            runs.count(run.id(), result.counts());
            runs.advance(run.id(), phase, Runs.PROVIDING.equals(phase) ? Runs.EXECUTING : Runs.APPLYING);
            if (Runs.EXECUTING.equals(phase)) {
                completer.completeFinished();
            }
        } else {
            runs.progress(run.id(), result.cursor(), result.counts());
        }
        return new RunView(runs.get(run.id()).orElseThrow());
    }
}
