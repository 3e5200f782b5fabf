package io.mediasync.resync.progress;

import io.mediasync.resync.store.RunCount;
import java.util.EnumMap;
import java.util.Map;

/** Counters of one step, added to the run record's counts. */
public final class Counts {

    private final Map<RunCount, Integer> counts = new EnumMap<>(RunCount.class);

    public void add(RunCount count, int n) {
        if (n != 0) {
            counts.merge(count, n, Integer::sum);
        }
    }

    public Map<RunCount, Integer> asMap() {
        return Map.copyOf(counts);
    }
}
