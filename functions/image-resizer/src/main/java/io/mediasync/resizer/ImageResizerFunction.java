package io.mediasync.resizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.resizer.config.InvocationConfig;
import io.mediasync.resizer.delivery.RedirectSender;
import io.mediasync.resizer.store.OrderRecords;
import jakarta.inject.Named;

/** Lambda entry point: a batch of resize orders from an order queue (the public one, or the internal one). */
@Named("image-resizer")
public class ImageResizerFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final OrderPipeline pipeline;
    private final RedirectSender.Targets queues;
    private final SqsBatches batches;

    /** @param records where a failed message is recorded (the function's FailureRecorder) */
    public ImageResizerFunction(OrderPipeline pipeline, RedirectSender.Targets queues, OrderRecords records,
            InvocationConfig invocation) {
        this.pipeline = pipeline;
        this.queues = queues;
        this.batches = new SqsBatches(FailurePolicy.standard(), records, invocation);
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        queues.forPublic().countCall();
        queues.forInternal().countCall();
        return batches.process(event, context, pipeline);
    }
}
