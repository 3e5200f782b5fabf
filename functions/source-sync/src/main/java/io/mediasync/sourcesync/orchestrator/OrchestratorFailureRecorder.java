package io.mediasync.sourcesync.orchestrator;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.sourcesync.store.EventRecords;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a sync event's failure in sync_events: retrying, dead_lettered (last receive) or failed, with the reason. */
@ApplicationScoped
public class OrchestratorFailureRecorder implements FailureRecorder {

    private final EventRecords records;

    public OrchestratorFailureRecorder(EventRecords records) {
        this.records = records;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        records.recordFailure(delivery.message().messageId(), delivery.message().queueName(), delivery.message().body(),
                outcome.recordStatus(), failure.code(), failure.reason());
    }
}
