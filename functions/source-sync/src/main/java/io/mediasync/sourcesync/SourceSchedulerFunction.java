package io.mediasync.sourcesync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.time.Ticker;
import io.mediasync.sourcesync.config.SchedulerConfig;
import io.mediasync.sourcesync.messages.ScheduleRequest;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.mediasync.sourcesync.scheduler.SyncScheduler;
import jakarta.inject.Named;

/**
 * Lambda entry point (seed 000, phase 1): run by its schedule (EventBridge Scheduler; any payload without
 * {@code source_id} means every enabled source) or on demand ({@code {"source_id": 77735}}).
 */
@Named("source-scheduler")
public class SourceSchedulerFunction implements RequestHandler<ScheduleRequest, ScheduleResult> {

    private final SyncScheduler scheduler;
    private final SchedulerConfig config;
    private final Ticker ticker;

    /** @param ticker what the run's deadline is measured on */
    public SourceSchedulerFunction(SyncScheduler scheduler, SchedulerConfig config, Ticker ticker) {
        this.scheduler = scheduler;
        this.config = config;
        this.ticker = ticker;
    }

    @Override
    public ScheduleResult handleRequest(ScheduleRequest request, Context context) {
        try {
            return scheduler.schedule(request, Deadline.forInvocation(context, config.timeMargin(), config.budget(), ticker));
        } finally {
            Metrics.flush(); // ColdStart: the scheduler has no metrics of its own
        }
    }
}
