package io.mediasync.resync;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.resync.store.MessageRecords;
import io.mediasync.resync.store.Runs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Writes a work or result message's failure in resync_messages, and a final one (failed, dead-lettered) on its
 * run's record when the run is known.
 */
@ApplicationScoped
public class ResyncFailureRecorder implements FailureRecorder {

    private final MessageRecords records;
    private final Runs runs;

    public ResyncFailureRecorder(MessageRecords records, Runs runs) {
        this.records = records;
        this.runs = runs;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        Optional<String> runId = delivery.fact("runId");
        records.record(delivery.message().messageId(), delivery.message().queueName(), delivery.message().body(), runId.orElse(null),
                outcome.recordStatus(), failure.code(), failure.reason());
        if (outcome != Outcome.RETRYING) { // the run keeps what is final (each failed attempt of a run's step is noted by RunDriver)
            runId.ifPresent(id -> runs.error(id, outcome.status() + " " + delivery.message().queueName(), failure.code(), failure.reason()));
        }
    }
}
