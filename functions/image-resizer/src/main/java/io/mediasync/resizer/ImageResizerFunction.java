package io.mediasync.resizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.sqs.QueueDirectory;
import jakarta.inject.Named;

/** Lambda entry point: a batch of resize orders from the SQS (FIFO) queue. */
@Named("image-resizer")
public class ImageResizerFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final OrderPipeline pipeline;
    private final QueueDirectory queues;

    public ImageResizerFunction(OrderPipeline pipeline, QueueDirectory queues) {
        this.pipeline = pipeline;
        this.queues = queues;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        queues.countCall();
        return SqsBatchProcessor.process(event, pipeline::handle);
    }
}
