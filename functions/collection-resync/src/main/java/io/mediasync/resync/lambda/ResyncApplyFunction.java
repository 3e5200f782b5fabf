package io.mediasync.resync.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.resync.apply.Applier;
import io.mediasync.resync.apply.ResultParser;
import io.mediasync.resync.apply.ResyncResult;
import io.mediasync.resync.config.InvocationConfig;
import jakarta.inject.Named;
import org.jboss.logging.MDC;

/** Lambda entry point of the results queue (GL_RESYNC_RESULTS): the resizer's results written back. */
@Named("collection-resync-apply")
public class ResyncApplyFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final ResultParser parser;
    private final Applier applier;
    private final InvocationConfig invocation;
    private final SqsBatchProcessor batches;

    public ResyncApplyFunction(ResultParser parser, Applier applier, ResyncFailureRecorder recorder, FailurePolicy policy,
            InvocationConfig invocation) {
        this.parser = parser;
        this.applier = applier;
        this.invocation = invocation;
        this.batches = new SqsBatchProcessor(policy, recorder, invocation.maxReceiveCount(), invocation.messageReserve());
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, Deadline.forInvocation(context, invocation.timeMargin(), invocation.budget()), this::handle);
    }

    private void handle(Delivery delivery) throws FailureException {
        ResyncResult result = parser.parse(delivery.message().body());
        if (result.runId() != null) {
            delivery.note("runId", result.runId());
            MDC.put("runId", result.runId());
        }
        applier.apply(result);
    }
}
