package io.mediasync.common.sqs;

/** SQS requires FIFO queue names to end in ".fifo"; a configured FIFO name without it gets it. */
public final class QueueNames {

    public static final String FIFO_SUFFIX = ".fifo";

    private QueueNames() {
    }

    /** The name (or URL) of a FIFO queue, with ".fifo" appended if it was left out. */
    public static String fifo(String nameOrUrl) {
        String trimmed = nameOrUrl.trim();
        return trimmed.endsWith(FIFO_SUFFIX) ? trimmed : trimmed + FIFO_SUFFIX;
    }

    public static boolean isFifo(String nameOrUrl) {
        return nameOrUrl.trim().endsWith(FIFO_SUFFIX);
    }

    public static boolean isUrl(String nameOrUrl) {
        return nameOrUrl.contains("://");
    }

    /** The queue name of a name or a queue URL (its last path segment). */
    public static String nameOf(String nameOrUrl) {
        String trimmed = nameOrUrl.trim();
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
