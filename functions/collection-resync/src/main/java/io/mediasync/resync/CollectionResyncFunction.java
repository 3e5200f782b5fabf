package io.mediasync.resync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.resync.config.InvocationConfig;
import io.mediasync.resync.run.ResyncRequest;
import io.mediasync.resync.run.RunStarter;
import jakarta.inject.Named;

/**
 * Lambda entry point of the daily schedules (seed 004's 01:00 jobs, one per collection) and of manual runs:
 * {@code {"collection": "channels"}}, {@code {"collection": "episodes", "ids": […]}}, {@code {"full": true}}.
 */
@Named("collection-resync")
public class CollectionResyncFunction implements RequestHandler<ResyncRequest, ResyncRequest.Response> {

    private final RunStarter starter;
    private final InvocationConfig invocation;

    public CollectionResyncFunction(RunStarter starter, InvocationConfig invocation) {
        this.starter = starter;
        this.invocation = invocation;
    }

    @Override
    public ResyncRequest.Response handleRequest(ResyncRequest request, Context context) {
        try {
            return starter.start(request, Deadline.forInvocation(context, invocation.timeMargin(), invocation.budget()));
        } finally {
            Metrics.flush(); // the run's first step (DocumentsProvided) and ColdStart
        }
    }
}
