package io.mediasync.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.failure.FailurePolicy;

/**
 * The skeleton of every mediasync SQS function: the invocation's deadline from its settings, then each message of
 * the batch parsed to its contract and handled by an {@link SqsHandler}, under the one failure policy of
 * {@link SqsBatchProcessor} (which builds the partial batch response Lambda reads). Each function builds one, with
 * its failure recorder; it holds no state of its own between invocations.
 */
public final class SqsBatches {

    private final SqsBatchProcessor processor;
    private final InvocationSettings invocation;

    public SqsBatches(FailurePolicy policy, FailureRecorder recorder, InvocationSettings invocation) {
        this.processor = new SqsBatchProcessor(policy, recorder, invocation.maxReceiveCount(), invocation.messageReserve());
        this.invocation = invocation;
    }

    /** The deadline of an invocation with this context: Lambda's own, less the margin, within the budget. */
    public Deadline deadline(Context context) {
        return Deadline.forInvocation(context, invocation.timeMargin(), invocation.budget());
    }

    public <M> SqsBatchResponse process(SqsEvent event, Context context, SqsHandler<M> handler) {
        return process(event, deadline(context), handler);
    }

    /** For a function that made the invocation's deadline itself (it spends part of it before the batch). */
    public <M> SqsBatchResponse process(SqsEvent event, Deadline deadline, SqsHandler<M> handler) {
        return processor.process(event, deadline, delivery -> handleOne(handler, delivery));
    }

    private static <M> void handleOne(SqsHandler<M> handler, Delivery delivery) throws Exception {
        M message;
        try {
            message = handler.parse(delivery.message());
        } catch (Exception refusal) {
            handler.refused(refusal, delivery);
            return;
        }
        handler.handle(message, delivery);
    }
}
