package io.mediasync.sourcesync.orchestrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.lambda.SqsBatchProcessor;
import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.mongo.MongoFailures;
import io.mediasync.sourcesync.config.InvocationConfig;
import jakarta.inject.Named;

/**
 * Lambda entry point (seed 000, phase 2): sync events from GL_FILE_DOWNLOADED, GL_FILE_DOWNLOAD_SKIPPED,
 * GL_FILE_DELETED and GL_SOURCE_SYNCHRONIZED (one event source mapping per queue, same function).
 */
@Named("sync-orchestrator")
public class SyncOrchestratorFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {

    private final SyncEventHandler handler;
    private final InvocationConfig config;
    private final SqsBatchProcessor batches;

    public SyncOrchestratorFunction(SyncEventHandler handler, OrchestratorFailureRecorder recorder, InvocationConfig config) {
        this.handler = handler;
        this.config = config;
        this.batches = new SqsBatchProcessor(MongoFailures.POLICY, recorder, config.maxReceiveCount(), config.messageReserve());
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        Deadline deadline = Deadline.forInvocation(context, config.timeMargin(), config.budget());
        return batches.process(event, deadline, handler::handle);
    }
}
