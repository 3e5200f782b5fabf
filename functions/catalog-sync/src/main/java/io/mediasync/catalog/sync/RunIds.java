package io.mediasync.catalog.sync;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by time and read well in a log: {@code run-20200816T113423Z-3f9a1c}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** The stamp from {@code clock}: the function's injected one, which tests can hold still. */
    public static String next(Clock clock) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return "run-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }
}
