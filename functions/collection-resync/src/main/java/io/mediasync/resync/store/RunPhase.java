package io.mediasync.resync.store;

import io.mediasync.common.mongo.StoredValue;
import java.util.List;

/** Where a run stands (resync_runs' {@code phase}): provide, then execute, then waiting for results, then done. */
public enum RunPhase implements StoredValue {
    PROVIDING("providing"),
    EXECUTING("executing"),
    /** Its own work is done; it waits for the results of its orders (apply removes its rows). */
    APPLYING("applying"),
    COMPLETED("completed");

    /** The phases an invocation advances (holding the run's lease); then the results drive it. */
    public static final List<RunPhase> ACTIVE = List.of(PROVIDING, EXECUTING);

    private final String value;

    RunPhase(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public boolean active() {
        return ACTIVE.contains(this);
    }

    /** The phase after this one's own work. */
    public RunPhase next() {
        return values()[Math.min(ordinal() + 1, COMPLETED.ordinal())];
    }

    /** The stored strings of the active phases, for filters. */
    public static List<String> activeValues() {
        return ACTIVE.stream().map(RunPhase::value).toList();
    }

}
