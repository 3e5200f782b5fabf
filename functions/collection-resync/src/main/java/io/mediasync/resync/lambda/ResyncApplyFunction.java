package io.mediasync.resync.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.failure.FailureException;
import io.mediasync.common.lambda.Delivery;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.resync.apply.Applier;
import io.mediasync.resync.apply.ResultParser;
import io.mediasync.resync.apply.ResyncResult;
import jakarta.inject.Named;
import org.jboss.logging.MDC;

/** Lambda entry point of the results queue (GL_RESYNC_RESULTS): the resizer's results written back. */
@Named("collection-resync-apply")
public class ResyncApplyFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final ResultParser parser;
    private final Applier applier;
    private final ResyncBatches batches;

    public ResyncApplyFunction(ResultParser parser, Applier applier, ResyncBatches batches) {
        this.parser = parser;
        this.applier = applier;
        this.batches = batches;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, context, this::handle);
    }

    private void handle(Delivery delivery) throws FailureException {
        ResyncResult result = parser.parse(delivery.message().body());
        if (result.runId() != null) {
            delivery.note("runId", result.runId());
            MDC.put("runId", result.runId());
        }
        applier.apply(result, delivery.deadline());
    }
}
