package io.mediasync.sourcesync.scheduler;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.sourcesync.config.SchedulerConfig;
import io.mediasync.sourcesync.messages.ScheduleRequest;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.sqs.SyncOrderSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Seed 000's cmd_sync_sources: one order {@code {"source_id", "url", "content_path"}} per enabled source (or the
 * one asked for) to the sync-order FIFO queue, group = source id, at most once per window: every enabled source through
 * {@link SchedulerSweep}; one source (on demand) is claimed for the window first, its claim given back if the order
 * cannot be sent ({@code "force": true} orders it again within the window).
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final SourceStore sources;
    private final SyncOrderSender sender;
    private final SchedulerSweep sweep;
    private final ScheduleWindow window;
    private final Clock clock;

    /** @param clock which window it is, and what makes a forced order's deduplication id new */
    public SyncScheduler(SourceStore sources, SyncOrderSender sender, SchedulerSweep sweep, SchedulerConfig config, Clock clock) {
        this.sources = sources;
        this.sender = sender;
        this.sweep = sweep;
        this.window = new ScheduleWindow(config.windowSeconds());
        this.clock = clock;
    }

    public ScheduleResult schedule(ScheduleRequest request, Deadline deadline) {
        long index = window.index(clock.instant());
        if (request == null || request.sourceId() == null) {
            return sweep.sweep(index, deadline);
        }
        long id = request.sourceId();
        Optional<SourceRecord> source = sources.find(id);
        if (source.isEmpty()) {
            return notOrdered(id, "unknown source");
        }
        if (source.get().disabled()) {
            return notOrdered(id, "disabled");
        }
        String url = source.get().url();
        String contentPath = source.get().contentPath();
        if (url == null || url.isBlank() || contentPath == null) {
            sources.recordFailure(id, RecordStatus.FAILED, "invalid_source", "the source has no url or content_path");
            return notOrdered(id, "no url or content_path");
        }
        boolean force = request.forced();
        if (!force && !sources.claimWindow(id, index)) {
            return notOrdered(id, "already ordered in this window");
        }
        String dedupKey = force ? ScheduleWindow.dedupKey(id, url, index) + ":forced:" + clock.millis()
                : ScheduleWindow.dedupKey(id, url, index);
        try {
            sender.send(SyncOrder.of(id, url, contentPath), dedupKey);
        } catch (RuntimeException e) {
            if (!force) {
                sources.releaseWindow(id, index);
            }
            throw new IllegalStateException("source " + id + " not ordered: " + e.getMessage(), e);
        }
        LOG.infof("ordered source %d to %s in window %d", id, sender.queueName(), index);
        return new ScheduleResult(1, List.of(id), Map.of(), null);
    }

    private static ScheduleResult notOrdered(long id, String why) {
        return new ScheduleResult(0, List.of(), Map.of(Long.toString(id), why), null);
    }
}
