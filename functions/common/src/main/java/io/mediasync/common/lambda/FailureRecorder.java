package io.mediasync.common.lambda;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.failure.FailurePolicy.Outcome;

/** Writes a message's failure where the function keeps its records (a collection of its own). */
@FunctionalInterface
public interface FailureRecorder {

    void record(Delivery delivery, Failure failure, Outcome outcome) throws Exception;
}
