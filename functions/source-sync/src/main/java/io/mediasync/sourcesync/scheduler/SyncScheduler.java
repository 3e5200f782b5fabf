package io.mediasync.sourcesync.scheduler;

import io.mediasync.sourcesync.config.SchedulerConfig;
import io.mediasync.sourcesync.sqs.SyncOrderSender;
import io.mediasync.sourcesync.messages.ScheduleRequest;
import io.mediasync.sourcesync.messages.ScheduleResult;
import io.mediasync.sourcesync.messages.SyncOrder;
import io.mediasync.sourcesync.registry.SourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Seed 000's cmd_sync_sources: one order {@code {"source_id", "url", "content_path"}} per enabled source (or the
 * one asked for) to the sync-order FIFO queue, group = source id. Each source is claimed for the current window
 * in MongoDB first, so a second run in the same window orders nothing again; an order that cannot be sent gives
 * its claim back and the invocation fails at the end, so the schedule's retry sends it.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final SourceStore sources;
    private final SyncOrderSender sender;
    private final ScheduleWindow window;

    public SyncScheduler(SourceStore sources, SyncOrderSender sender, SchedulerConfig config) {
        this.sources = sources;
        this.sender = sender;
        this.window = new ScheduleWindow(config.windowSeconds());
    }

    public ScheduleResult schedule(ScheduleRequest request) {
        long index = window.index(Instant.now());
        List<Document> candidates;
        Map<String, String> notOrdered = new LinkedHashMap<>();
        if (request != null && request.sourceId() != null) {
            candidates = sources.find(request.sourceId()).map(List::of).orElse(List.of());
            if (candidates.isEmpty()) {
                notOrdered.put(request.sourceId().toString(), "unknown source");
            } else if (Boolean.FALSE.equals(candidates.get(0).get("enabled"))) {
                notOrdered.put(request.sourceId().toString(), "disabled");
                candidates = List.of();
            }
        } else {
            candidates = sources.enabled();
        }
        boolean force = request != null && request.forced() && request.sourceId() != null;
        List<Long> ordered = new ArrayList<>();
        RuntimeException firstError = null;
        for (Document source : candidates) {
            long id = ((Number) source.get("source_id")).longValue();
            String url = source.getString("url");
            String contentPath = source.get("content_path") instanceof String p ? p : null;
            if (url == null || url.isBlank() || contentPath == null) {
                notOrdered.put(Long.toString(id), "no url or content_path");
                sources.recordFailure(id, SourceStore.FAILED, "invalid_source", "the source has no url or content_path");
                continue;
            }
            if (!force && !sources.claimWindow(id, index)) {
                notOrdered.put(Long.toString(id), "already ordered in this window");
                continue;
            }
            try {
                String dedupKey = force ? ScheduleWindow.dedupKey(id, url, index) + ":forced:" + System.currentTimeMillis()
                        : ScheduleWindow.dedupKey(id, url, index);
                sender.send(SyncOrder.of(id, url, contentPath), dedupKey);
                ordered.add(id);
            } catch (RuntimeException e) {
                LOG.warnf("order for source %d not sent: %s", id, e.toString());
                if (!force) {
                    sources.releaseWindow(id, index);
                }
                notOrdered.put(Long.toString(id), "not sent: " + e.getMessage());
                firstError = firstError == null ? e : firstError;
            }
        }
        LOG.infof("ordered %d source(s) to %s in window %d: %s", ordered.size(), sender.queueName(), index, ordered);
        if (firstError != null) {
            throw new IllegalStateException(notOrdered.size() + " source(s) not ordered; first error: " + firstError.getMessage(),
                    firstError);
        }
        return new ScheduleResult(ordered.size(), ordered, notOrdered);
    }
}
