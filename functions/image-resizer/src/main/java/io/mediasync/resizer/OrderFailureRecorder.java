package io.mediasync.resizer;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.FailureRecorder;
import io.mediasync.resizer.store.OrderRecords;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes an order's failure into its record: retrying, dead_lettered (last receive) or failed, with the reason. */
@ApplicationScoped
public class OrderFailureRecorder implements FailureRecorder {

    private final OrderRecords records;

    public OrderFailureRecorder(OrderRecords records) {
        this.records = records;
    }

    @Override
    public void record(Delivery delivery, Failure failure, Outcome outcome) {
        records.recordFailure(delivery.message(), outcome.recordStatus(), failure.code(), failure.reason());
    }
}
