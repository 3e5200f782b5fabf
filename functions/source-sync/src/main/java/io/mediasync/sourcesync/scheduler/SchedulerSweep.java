package io.mediasync.sourcesync.scheduler;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import io.mediasync.common.contracts.SourceFields;
import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.failure.RecordStatus;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.sourcesync.config.SchedulerConfig;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.mediasync.sourcesync.store.SchedulerState;
import io.mediasync.sourcesync.store.SourceRecord;
import io.mediasync.sourcesync.store.SourceStore;
import io.mediasync.sourcesync.sqs.SyncOrderSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * The scheduled run over every enabled source: reads the sources not ordered in this window yet, the fields it needs
 * only, SCHEDULER_READ_BATCH at a time, sends their orders with SendMessageBatch (10 a call) and marks each read batch
 * ordered after its orders went out. It stops at its deadline (Lambda's remaining time less SCHEDULER_TIME_MARGIN) and
 * records where ({@link SchedulerState}); the next run continues from there. A batch SQS refused is not marked, so the
 * next run sends it again, and this one fails at the end so the schedule's retry does.
 */
@ApplicationScoped
public class SchedulerSweep {

    private static final Logger LOG = Logger.getLogger(SchedulerSweep.class);
    private static final int SEND_BATCH = 10;

    private final SourceStore sources;
    private final SyncOrderSender sender;
    private final SchedulerState state;
    private final int readBatch;

    public SchedulerSweep(SourceStore sources, SyncOrderSender sender, SchedulerState state, SchedulerConfig config) {
        this.sources = sources;
        this.sender = sender;
        this.state = state;
        this.readBatch = Math.max(SEND_BATCH, config.readBatch());
    }

    /** What one run did so far, and the last source it went through. */
    private static final class Progress {
        final List<Long> ordered = new ArrayList<>();
        final Map<String, String> notOrdered = new LinkedHashMap<>();
        Long last;
        RuntimeException firstError;
    }

    public ScheduleResult sweep(long window, Deadline deadline) {
        Optional<Long> resumeAfter = state.resumeAfter();
        List<Bson> ranges = resumeAfter
                .map(id -> List.of(Filters.gt(SourceFields.SOURCE_ID, id), Filters.lte(SourceFields.SOURCE_ID, id)))
                .orElse(List.of(Filters.empty()));
        Progress progress = new Progress();
        boolean through = true;
        for (Bson range : ranges) {
            through = sweep(window, range, deadline, progress);
            if (!through) {
                break;
            }
        }
        Optional<Long> stoppedAfter = through ? Optional.empty() : Optional.ofNullable(progress.last).or(() -> resumeAfter);
        state.record(window, stoppedAfter, progress.ordered.size());
        LOG.infof("ordered %d source(s) to %s in window %d%s", progress.ordered.size(), sender.queueName(), window,
                stoppedAfter.map(id -> "; stopped at the deadline after source " + id + ", the next run continues there").orElse(""));
        if (progress.firstError != null) {
            throw new IllegalStateException("some sources not ordered; first error: " + progress.firstError.getMessage(), progress.firstError);
        }
        return new ScheduleResult(progress.ordered.size(), progress.ordered, progress.notOrdered, stoppedAfter.orElse(null));
    }

    /** @return whether the range was gone through before the deadline */
    private boolean sweep(long window, Bson range, Deadline deadline, Progress progress) {
        try (MongoCursor<SourceRecord> cursor = sources.toOrder(window, range, readBatch)) {
            List<SourceRecord> batch = new ArrayList<>(readBatch);
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == readBatch && !send(window, batch, deadline, progress)) {
                    return false;
                }
            }
            return send(window, batch, deadline, progress);
        }
    }

    /** Sends one read batch, 10 orders a call, then marks what went out; @return false if the deadline came first */
    private boolean send(long window, List<SourceRecord> batch, Deadline deadline, Progress progress) {
        List<Object> sent = new ArrayList<>();
        boolean inTime = true;
        for (int start = 0; start < batch.size(); start += SEND_BATCH) {
            if (deadline.passed()) {
                inTime = false;
                break;
            }
            List<SourceRecord> chunk = batch.subList(start, Math.min(batch.size(), start + SEND_BATCH));
            sendCall(window, chunk, progress, sent);
            progress.last = chunk.get(chunk.size() - 1).sourceId();
        }
        sources.markOrdered(sent, window);
        batch.clear();
        return inTime;
    }

    /** One SendMessageBatch call; a source without url or content_path is recorded failed instead. */
    private void sendCall(long window, List<SourceRecord> chunk, Progress progress, List<Object> sent) {
        List<Object> ids = new ArrayList<>();
        List<SyncOrder> orders = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SourceRecord source : chunk) {
            long id = source.sourceId();
            String url = source.url();
            String contentPath = source.contentPath();
            if (url == null || url.isBlank() || contentPath == null) {
                progress.notOrdered.put(Long.toString(id), "no url or content_path");
                sources.recordFailure(id, RecordStatus.FAILED, "invalid_source", "the source has no url or content_path");
                continue;
            }
            ids.add(source.id());
            orders.add(SyncOrder.of(id, url, contentPath));
            keys.add(ScheduleWindow.dedupKey(id, url, window));
        }
        if (orders.isEmpty()) {
            return;
        }
        try {
            sender.sendBatch(orders, keys);
            sent.addAll(ids);
            orders.forEach(o -> progress.ordered.add(o.sourceId()));
        } catch (RuntimeException e) {
            LOG.warnf("%d order(s) not sent: %s", orders.size(), e.toString());
            orders.forEach(o -> progress.notOrdered.put(Long.toString(o.sourceId()), "not sent: " + e.getMessage()));
            progress.firstError = progress.firstError == null ? e : progress.firstError;
        }
    }
}
