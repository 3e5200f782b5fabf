package io.mediasync.sourcesync.scheduler;

import io.mediasync.common.contracts.SyncOrder;
import io.mediasync.common.hash.Sha256;
import io.mediasync.common.sqs.QueueSender;
import java.time.Instant;

/**
 * The scheduler's time windows (INTERVAL_SCHEDULER_SECONDS long): a source is ordered at most once per window,
 * and the order's FIFO deduplication id is sha256(source_id + url + window index), so two runs in one window
 * collapse into one order even if the Mongo claim were lost.
 */
public record ScheduleWindow(long seconds) {

    public ScheduleWindow {
        if (seconds < 1) {
            throw new IllegalArgumentException("INTERVAL_SCHEDULER_SECONDS must be at least 1, not " + seconds);
        }
    }

    public long index(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), seconds);
    }

    /** The text hashed (by QueueSender) into the deduplication id: the sync order's scheduled rule. */
    public static String dedupKey(long sourceId, String url, long window) {
        return SyncOrder.scheduledDedupKey(sourceId, url, window);
    }

    public static String dedupId(long sourceId, String url, long window) {
        return Sha256.hex(dedupKey(sourceId, url, window));
    }
}
