package io.mediasync.sourcesync.downloader;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.sourcesync.config.SyncConfig;
import jakarta.inject.Named;

/** Lambda entry point (seed 001): sync orders from the sync-order FIFO queue. */
@Named("source-downloader")
public class SourceDownloaderFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final SyncOrderHandler handler;
    private final SyncConfig config;

    public SourceDownloaderFunction(SyncOrderHandler handler, SyncConfig config) {
        this.handler = handler;
        this.config = config;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        // one budget for the whole batch: the time limit is the invocation's, not each message's
        InvocationBudget budget = InvocationBudget.start(config, context);
        return SqsBatchProcessor.process(event, message -> handler.handle(message, budget));
    }
}
