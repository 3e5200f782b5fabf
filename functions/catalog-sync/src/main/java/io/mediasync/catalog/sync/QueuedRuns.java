package io.mediasync.catalog.sync;

import io.mediasync.catalog.config.InvocationConfig;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.mongo.MongoFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The background runs PATCH /api/syncast queued, under the common failure policy: MongoDB trouble retries the
 * message (the DLQ after MAX_RECEIVE_COUNT), an upstream error is the run's recorded result, a run delivered twice
 * runs once, and one that finds another run holding the lease is given back (recorded {@code retrying}).
 */
@ApplicationScoped
public class QueuedRuns {

    private static final Logger LOG = Logger.getLogger(QueuedRuns.class);

    private final SqsBatchProcessor batches;
    private final CatalogSync sync;
    private final RunRecords runs;
    private final RunQueue queue;

    public QueuedRuns(CatalogSync sync, RunRecords runs, RunQueue queue, RunFailureRecorder recorder, InvocationConfig config) {
        this.sync = sync;
        this.runs = runs;
        this.queue = queue;
        this.batches = new SqsBatchProcessor(MongoFailures.POLICY,
                recorder, config.maxReceiveCount(), config.messageReserve());
    }

    public SqsBatchResponse process(SqsEvent event, Deadline deadline) {
        return batches.process(event, deadline, this::handle);
    }

    private void handle(Delivery delivery) throws FailureException {
        Optional<RunQueue.QueuedRun> run = queue.runOf(delivery.message().body());
        if (run.isEmpty()) {
            LOG.warnf("message %s is not a queued run: dropped", delivery.message().messageId());
            runs.recordFailure("msg-" + delivery.message().messageId(), RecordStatus.REJECTED, "bad_message", "not {\"run_id\": \"…\"}");
            delivery.rejected("bad_message");
            return;
        }
        String runId = run.get().runId();
        delivery.note("runId", runId);
        if (runs.ended(runId)) {
            LOG.infof("run %s already ran (a repeated delivery)", runId);
            return;
        }
        CatalogSync.Outcome outcome = sync.run(runId, "syncast", run.get().force(), delivery.deadline());
        if (outcome.runningId().isPresent()) {
            // given back, not dropped: SQS delivers it again after its visibility timeout, and it is recorded retrying
            throw new FailureException("already_running", "run " + outcome.runningId().get() + " is running; this run starts when "
                    + "the queue delivers it again", true, null);
        }
    }
}
