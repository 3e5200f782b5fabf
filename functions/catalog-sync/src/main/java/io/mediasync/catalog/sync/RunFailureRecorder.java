package io.mediasync.catalog.sync;

import io.mediasync.catalog.store.RunRecords;
import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/** A queued run that could not run: retrying, dead_lettered (last receive) or failed, in catalog_sync_runs. */
@ApplicationScoped
public class RunFailureRecorder implements FailureRecorder {

    private final RunRecords runs;

    public RunFailureRecorder(RunRecords runs) {
        this.runs = runs;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        String runId = delivery.<String>fact("runId").orElse("msg-" + delivery.message().messageId());
        runs.recordFailure(runId, outcome.recordStatus(), failure.code(), failure.reason());
    }
}
