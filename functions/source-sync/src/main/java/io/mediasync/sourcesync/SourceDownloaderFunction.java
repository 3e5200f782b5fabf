package io.mediasync.sourcesync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.sourcesync.config.InvocationConfig;
import io.mediasync.sourcesync.config.SyncConfig;
import io.mediasync.sourcesync.downloader.DownloaderFailureRecorder;
import io.mediasync.sourcesync.downloader.InvocationBudget;
import io.mediasync.sourcesync.downloader.SyncOrderHandler;
import jakarta.inject.Named;

/** Lambda entry point (seed 001): sync orders from the sync-order FIFO queue. */
@Named("source-downloader")
public class SourceDownloaderFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final SyncOrderHandler handler;
    private final SyncConfig config;
    private final InvocationConfig invocation;
    private final SqsBatches batches;

    public SourceDownloaderFunction(SyncOrderHandler handler, DownloaderFailureRecorder recorder, SyncConfig config,
            InvocationConfig invocation) {
        this.handler = handler;
        this.config = config;
        this.invocation = invocation;
        this.batches = new SqsBatches(FailurePolicy.standard(), recorder, invocation);
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        // one budget for the whole batch: the time limit is the invocation's, not each message's
        InvocationBudget budget = InvocationBudget.start(invocation, config.maxFilesPerInvocation(), context);
        return batches.process(event, budget.deadline(), handler.within(budget));
    }
}
