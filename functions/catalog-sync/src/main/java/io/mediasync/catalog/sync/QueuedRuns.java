package io.mediasync.catalog.sync;

import io.mediasync.catalog.config.InvocationConfig;
import io.mediasync.catalog.store.RunRecords;
import io.mediasync.catalog.store.SyncRun;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.failure.FailurePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The background runs PATCH /api/syncast queued, under the common failure policy: MongoDB trouble retries the
 * message (the DLQ after MAX_RECEIVE_COUNT), an upstream error is the run's recorded result, a run delivered twice
 * runs once, and one that finds another run holding the lease is given back (recorded {@code retrying}).
 */
@ApplicationScoped
public class QueuedRuns implements SqsHandler<RunQueue.QueuedRun> {

    private static final Logger LOG = Logger.getLogger(QueuedRuns.class);

    private final SqsBatches batches;
    private final CatalogSync sync;
    private final RunRecords runs;
    private final RunQueue queue;

    public QueuedRuns(CatalogSync sync, RunRecords runs, RunQueue queue, RunFailureRecorder recorder, InvocationConfig config) {
        this.sync = sync;
        this.runs = runs;
        this.queue = queue;
        this.batches = new SqsBatches(FailurePolicy.standard(), recorder, config);
    }

    public SqsBatchResponse process(SqsEvent event, Deadline deadline) {
        return batches.process(event, deadline, this);
    }

    @Override
    public RunQueue.QueuedRun parse(SqsMessage message) throws FailureException {
        return queue.runOf(message.body())
                .orElseThrow(() -> FailureException.permanent("bad_message", "not {\"run_id\": \"…\"}"));
    }

    /** Not a queued run: recorded rejected under the message's id, and dropped. */
    @Override
    public void refused(Exception refusal, Delivery delivery) throws Exception {
        if (!(refusal instanceof FailureException bad)) {
            throw refusal;
        }
        LOG.warnf("message %s is not a queued run: dropped", delivery.message().messageId());
        runs.recordFailure("msg-" + delivery.message().messageId(), RecordStatus.REJECTED, bad.code(), bad.reason());
        delivery.rejected(bad.code());
    }

    @Override
    public void handle(RunQueue.QueuedRun run, Delivery delivery) throws FailureException {
        String runId = run.runId();
        delivery.note("runId", runId);
        if (runs.ended(runId)) {
            LOG.infof("run %s already ran (a repeated delivery)", runId);
            return;
        }
        CatalogSync.Outcome outcome = sync.run(runId, SyncRun.Trigger.SYNCAST, run.force(), delivery.deadline());
        if (outcome.runningId().isPresent()) {
            // given back, not dropped: SQS delivers it again after its visibility timeout, and it is recorded retrying
            throw new FailureException("already_running", "run " + outcome.runningId().get() + " is running; this run starts when "
                    + "the queue delivers it again", true, null);
        }
    }
}
