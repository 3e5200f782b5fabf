package io.mediasync.resync.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of one step, added to the run record's counts. */
public final class Counts {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public void add(String name, int n) {
        if (n != 0) {
            counts.merge(name, n, Integer::sum);
        }
    }

    public Map<String, Integer> asMap() {
        return Map.copyOf(counts);
    }
}
