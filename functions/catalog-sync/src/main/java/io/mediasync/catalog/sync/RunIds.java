package io.mediasync.catalog.sync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by time and read well in a log: {@code run-20200816T113423Z-3f9a1c}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return "run-" + STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
    }
}
