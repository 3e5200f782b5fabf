package io.mediasync.resizer.imaging;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source is fitted into a requested box. */
public enum ResizeMode {
    /** Inside the box, aspect kept, never upscaled. */
    FIT,
    /** Covers the box then centre-crops to it; never upscaled (a smaller source is only cropped). */
    FILL,
    /** Exactly the box, aspect ignored. */
    FORCE;

    /** Case-insensitive, e.g. "fit", "Fill". */
    public static ResizeMode parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("resize mode is empty; expected one of " + names());
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resize mode '" + s + "'; expected one of " + names());
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
