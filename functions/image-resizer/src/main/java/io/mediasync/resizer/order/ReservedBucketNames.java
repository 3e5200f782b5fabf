package io.mediasync.resizer.order;

import java.util.Arrays;
import java.util.List;

/**
 * The bucket names only internal orders may write under (INTERNAL_BUCKET_NAMES): the orchestrator's
 * {@code source-<id>} and the re-sync's collections. Entries are names, or prefixes ending in {@code *}.
 */
public final class ReservedBucketNames {

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
