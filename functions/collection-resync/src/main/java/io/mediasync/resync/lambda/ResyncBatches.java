package io.mediasync.resync.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.resync.config.InvocationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The common failure policy for this package's two queue handlers (work and results), built once. */
@ApplicationScoped
public class ResyncBatches {

    private final SqsBatchProcessor batches;
    private final InvocationConfig invocation;

    public ResyncBatches(ResyncFailureRecorder recorder, FailurePolicy policy, InvocationConfig invocation) {
        this.batches = new SqsBatchProcessor(policy, recorder, invocation.maxReceiveCount(), invocation.messageReserve());
        this.invocation = invocation;
    }

    public SqsBatchResponse process(SqsEvent event, Context context, SqsBatchProcessor.MessageHandler handler) {
        return batches.process(event, Deadline.forInvocation(context, invocation.timeMargin(), invocation.budget()), handler);
    }
}
