package io.mediasync.common.lambda;

import io.mediasync.common.failure.Failure;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.metrics.ReasonCodes;

/**
 * What became of one receive of a message, as exactly one of the metrics Done, Rejected, Retried, TimedOut, HeldBack
 * and DeadLettered: so their sum is the messages received, and a failure rate is (Rejected + DeadLettered) over the
 * messages that ended (Done + Rejected + DeadLettered). Counted by {@link SqsBatches}, which alone knows.
 */
final class OutcomeMetrics {

    private OutcomeMetrics() {
    }

    /** The handler returned: done, unless it recorded the message as rejected itself ({@link Delivery#rejected}). */
    static void finished(Delivery delivery) {
        delivery.rejection().ifPresentOrElse(code -> Metrics.count(Metric.REJECTED, ReasonCodes.bounded(code), 1),
                () -> Metrics.count(Metric.DONE, 1));
    }

    /**
     * @param finished whether the message is not given back (a permanent failure, recorded): else it is delivered
     *                 again, or goes to the DLQ after its last receive
     */
    static void failed(Delivery delivery, Failure failure, boolean finished) {
        String reason = ReasonCodes.bounded(failure.code());
        if (finished) {
            Metrics.count(Metric.REJECTED, reason, 1);
        } else if (delivery.lastReceive()) {
            Metrics.count(Metric.DEAD_LETTERED, reason, 1);
        } else if (failure.code().equals(SqsBatches.TIMED_OUT)) {
            Metrics.count(Metric.TIMED_OUT, 1);
        } else if (failure.code().equals(SqsBatches.HELD_BACK)) {
            Metrics.count(Metric.HELD_BACK, 1);
        } else {
            Metrics.count(Metric.RETRIED, reason, 1);
        }
    }
}
