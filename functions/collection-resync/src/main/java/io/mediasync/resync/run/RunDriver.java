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
import io.mediasync.resync.store.ResyncRun;
import io.mediasync.resync.store.Runs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Advances a run for as long as the invocation has time: provide page by page, then execute page by page, saving
 * the cursor after every page. When time runs short it hands the run over to a follow-up message on the work
 * queue. One invocation at a time holds a run (a lease in the run record); a continuation already overtaken
 * ({@code seq} behind the record's) is dropped.
 *
 * <p>The lease's holder is drawn anew for every taking ({@code <seq>/<random UUID>}): the lease's hand-over and
 * release are filtered on it, so it must name this one taking. The continuation's {@code seq} alone does not (a
 * redelivered follow-up has the same seq: a stalled invocation could then hand over the live one's lease), and the
 * Lambda request id is not at hand here (the SQS handlers get the deadline, not the context). The seq in front
 * tells an operator which step holds the run.
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
    public Optional<ResyncRun> advance(String runId, long seq, Deadline deadline) {
        Duration lease = deadline.remaining().plus(invocation.timeMargin());
        String holder = seq + "/" + UUID.randomUUID();
        Optional<ResyncRun> taken = runs.acquire(runId, seq, holder, lease);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        MDC.put("runId", runId);
        ResyncRun run = taken.get();
        try {
            for (int pages = 0; pages < invocation.maxPages() && run.phase().active()
                    && deadline.remaining().compareTo(invocation.messageReserve()) >= 0; pages++) {
                run = step(run);
            }
        } catch (RuntimeException e) {
            Failure failure = policy.classify(e);
            runs.error(runId, run.phase().value(), failure.code(), failure.reason());
            runs.release(runId, holder);
            throw e;
        }
        if (!run.phase().active()) {
            runs.release(runId, holder);
        } else if (runs.handOver(runId, holder, run.seq() + 1)) { // before the send: the follow-up must find the run free
            continuations.send(runId, run.collection(), run.seq() + 1);
            LOG.infof("run %s continues in a follow-up invocation (%s, step %d)", runId, run.phase().value(), run.seq() + 1);
        } else {
            LOG.warnf("run %s: this invocation's lease ran out and another took the run over: it goes on from there", runId);
        }
        return runs.get(runId);
    }

    /**
     * Why a continuation could not take its run: throws when the run does not exist (permanent) or a live invocation
     * holds it (retried later); returns when the run has moved past this continuation (a duplicate: nothing to do).
     */
    public void whyNotTaken(String runId, long seq) throws FailureException {
        Optional<ResyncRun> run = runs.get(runId);
        if (run.isEmpty() || run.get().phase() == null) { // null: a watermark record's id
            throw FailureException.permanent("unknown_run", "no run " + runId + " in resync_runs");
        }
        if (run.get().phase().active() && run.get().seq() <= seq) {
            throw new FailureException("run_busy", "run " + runId + " is being advanced by another invocation", true, null);
        }
        LOG.infof("run %s has moved past step %d (%s): nothing to do", runId, seq, run.get().phase().value());
    }

    private ResyncRun step(ResyncRun run) {
        Date now = runs.now();
        ResyncRun.Phase phase = run.phase();
        StepResult result = phase == ResyncRun.Phase.PROVIDING ? provider.step(run, now) : executor.step(run, now);
        if (result.finished()) {
            runs.count(run.id(), result.counts());
            runs.advance(run.id(), phase, phase.next());
            if (phase == ResyncRun.Phase.EXECUTING) {
                completer.completeFinished();
            }
        } else {
            runs.progress(run.id(), result.cursor(), result.counts());
        }
        return runs.get(run.id()).orElseThrow();
    }
}
