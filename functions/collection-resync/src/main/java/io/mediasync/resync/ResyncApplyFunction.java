package io.mediasync.resync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsHandler;
import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.resync.apply.Applier;
import io.mediasync.resync.apply.ResultParser;
import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.store.MessageRecords;
import jakarta.inject.Named;
import org.jboss.logging.MDC;

/** Lambda entry point of the results queue (GL_RESYNC_RESULTS): the resizer's results written back. */
@Named("collection-resync-apply")
public class ResyncApplyFunction implements RequestHandler<SqsEvent, SqsBatchResponse>, SqsHandler<ResultParser.Result> {

    private final ResultParser parser;
    private final Applier applier;
    private final SqsBatches batches;

    public ResyncApplyFunction(ResultParser parser, Applier applier, FailurePolicy policy, MessageRecords recorder,
            InvocationConfig invocation) {
        this.parser = parser;
        this.applier = applier;
        this.batches = new SqsBatches(policy, recorder, invocation);
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, context, this);
    }

    @Override
    public ResultParser.Result parse(SqsMessage message) throws FailureException {
        return parser.parse(message.body());
    }

    @Override
    public void handle(ResultParser.Result result, Delivery delivery) throws FailureException {
        if (result.runId() != null) {
            delivery.note("runId", result.runId());
            MDC.put("runId", result.runId());
        }
        applier.apply(result, delivery.deadline());
    }
}
