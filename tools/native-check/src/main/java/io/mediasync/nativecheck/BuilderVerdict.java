package io.mediasync.nativecheck;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The builder's answer for one package: passed with the object file's size and the methods analysed, or its error. */
record BuilderVerdict(boolean passed, long objectFileBytes, String reachableMethods, String error, Duration time,
        long peakMemoryBytes, Path log) {

    static BuilderVerdict passed(long objectFileBytes, String reachableMethods, Duration time, long peak, Path log) {
        return new BuilderVerdict(true, objectFileBytes, reachableMethods, null, time, peak, log);
    }

    static BuilderVerdict failed(String error, Duration time, long peak, Path log) {
        return new BuilderVerdict(false, 0, null, error, time, peak, log);
    }

    /** One line: what a reader of CI needs first. */
    String summary() {
        String resources = String.format(Locale.ROOT, "%dm%02ds, peak memory %.1f GB", time.toMinutes(), time.toSecondsPart(),
                peakMemoryBytes / 1e9);
        if (passed) {
            return String.format(Locale.ROOT, "passed: object file written (%.1f MB), %s methods reachable, %s",
                    objectFileBytes / 1e6, reachableMethods, resources);
        }
        return "FAILED after " + resources + ": " + error + " (log: " + log + ")";
    }
}
