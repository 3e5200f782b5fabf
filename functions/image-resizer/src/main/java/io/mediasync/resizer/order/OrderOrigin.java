package io.mediasync.resizer.order;

import io.mediasync.common.lambda.SqsMessage;
import io.mediasync.common.sqs.QueueNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an order came from, which alone decides what it may cause (a field in it never does). The queue is
 * Lambda's event source, not anything the order's author writes ({@link Decider} tells one from the other).
 * <ul>
 * <li>{@link #PUBLIC}: the seed's order queue (ImageQueue.fifo), which clients send to: http(s) images only,
 * results to the public redirect queues, bucket names outside those reserved for the system
 * ({@link ReservedBucketNames}), and {@code report_failures} without effect (it is passed through with the other
 * fields).</li>
 * <li>{@link #INTERNAL}: the queue only mediasync's own functions may send to (its queue policy and IAM): it may
 * also read {@code s3://} content (S3_SOURCES), write under a reserved bucket name (a source's {@code source-<id>},
 * the re-sync's collections), send to the queues that carry system-authored results, and report failures.</li>
 * </ul>
 */
public enum OrderOrigin {
    PUBLIC,
    INTERNAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells an order's origin from the queue Lambda received it from (the event source ARN): internal only from the
     * configured internal order queues (INTERNAL_ORDER_QUEUES), public from anywhere else, including an event with
     * no source at all.
     */
    public static final class Decider {

        private final Set<String> internalQueues;

        public Decider(String internalOrderQueues) {
            this.internalQueues = Arrays.stream(internalOrderQueues.split(",")).map(QueueNames::nameOf)
                    .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }

        public OrderOrigin of(SqsMessage message) {
            return internalQueues.contains(message.queueName()) ? INTERNAL : PUBLIC;
        }
    }

    /**
     * The bucket names only internal orders may write under (INTERNAL_BUCKET_NAMES): the orchestrator's
     * {@code source-<id>} and the re-sync's collections. Entries are names, or prefixes ending in {@code *}.
     */
    public static final class ReservedBucketNames {

        private final List<String> entries;

        public ReservedBucketNames(String commaSeparated) {
            this.entries = Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        }

        public boolean isReserved(String bucketName) {
            for (String entry : entries) {
                boolean match = entry.endsWith("*") ? bucketName.startsWith(entry.substring(0, entry.length() - 1))
                        : bucketName.equals(entry);
                if (match) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return String.join(",", entries);
        }
    }
}
