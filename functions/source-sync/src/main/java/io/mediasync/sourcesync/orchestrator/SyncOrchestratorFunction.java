package io.mediasync.sourcesync.orchestrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import jakarta.inject.Named;

/**
 * Lambda entry point (seed 000, phase 2): sync events from GL_FILE_DOWNLOADED, GL_FILE_DOWNLOAD_SKIPPED,
 * GL_FILE_DELETED and GL_SOURCE_SYNCHRONIZED (one event source mapping per queue, same function).
 */
@Named("sync-orchestrator")
public class SyncOrchestratorFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final SyncEventHandler handler;

    public SyncOrchestratorFunction(SyncEventHandler handler) {
        this.handler = handler;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return SqsBatchProcessor.process(event, handler::handle);
    }
}
