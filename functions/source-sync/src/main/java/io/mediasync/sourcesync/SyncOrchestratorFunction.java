package io.mediasync.sourcesync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsBatches;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.failure.FailurePolicy;
import io.mediasync.sourcesync.config.InvocationConfig;
import io.mediasync.sourcesync.orchestrator.OrchestratorFailureRecorder;
import io.mediasync.sourcesync.orchestrator.SyncEventHandler;
import jakarta.inject.Named;

/**
 * Lambda entry point (seed 000, phase 2): sync events from GL_FILE_DOWNLOADED, GL_FILE_DOWNLOAD_SKIPPED,
 * GL_FILE_DELETED and GL_SOURCE_SYNCHRONIZED (one event source mapping per queue, same function).
 */
@Named("sync-orchestrator")
public class SyncOrchestratorFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final SyncEventHandler handler;
    private final SqsBatches batches;

    public SyncOrchestratorFunction(SyncEventHandler handler, OrchestratorFailureRecorder recorder, InvocationConfig config) {
        this.handler = handler;
        this.batches = new SqsBatches(FailurePolicy.standard(), recorder, config);
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batches.process(event, context, handler);
    }
}
