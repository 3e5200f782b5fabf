package io.mediasync.resizer.imaging;

import java.util.Locale;

/** How a source was decoded: what the DecodePath metric counts, to see which decoder the traffic takes. */
public enum DecodePath {
    /** The built-in JPEG decoder, to component planes (resized before the colour conversion). */
    PLANES,
    /** A built-in decoder (JPEG or PNG), to pixels. */
    PIXELS,
    /** ImageIO: other formats, JPEGs at full size, what the built-in decoders hand over. */
    IMAGEIO;

    /** The metric's dimension value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DecodePath of(boolean builtIn, boolean planar) {
        return !builtIn ? IMAGEIO : planar ? PLANES : PIXELS;
    }
}
