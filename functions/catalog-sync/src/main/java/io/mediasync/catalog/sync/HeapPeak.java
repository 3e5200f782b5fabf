package io.mediasync.catalog.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap's peak during a run (recorded with its timings: a large catalog must fit the function's memory). */
final class HeapPeak {

    private HeapPeak() {
    }

    static void reset() {
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                    pool.resetPeakUsage();
                }
            }
        } catch (RuntimeException e) {
            // a runtime without memory pools (some native images): the figure is then -1
        }
    }

    /** Sum of the heap pools' peaks since {@link #reset}, in MiB (an upper bound: pools peak at different times). */
    static long megabytes() {
        try {
            long bytes = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
                    bytes += pool.getPeakUsage().getUsed();
                }
            }
            return bytes / (1024 * 1024);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
