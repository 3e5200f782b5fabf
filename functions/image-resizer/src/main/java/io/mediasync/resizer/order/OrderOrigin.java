package io.mediasync.resizer.order;

/**
 * Where an order came from, which alone decides what it may cause (a field in it never does). The queue is
 * Lambda's event source, not anything the order's author writes.
 * <ul>
 * <li>{@link #PUBLIC}: the seed's order queue (ImageQueue.fifo), which clients send to: http(s) images only,
 * results to the public redirect queues, bucket names outside those reserved for the system, and
 * {@code report_failures} without effect (it is passed through with the other fields).</li>
 * <li>{@link #INTERNAL}: the queue only mediasync's own functions may send to (its queue policy and IAM): it may
 * also read {@code s3://} content (S3_SOURCES), write under a reserved bucket name (a source's {@code source-<id>},
 * the re-sync's collections), send to the queues that carry system-authored results, and report failures.</li>
 * </ul>
 */
public enum OrderOrigin {
    PUBLIC,
    INTERNAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
