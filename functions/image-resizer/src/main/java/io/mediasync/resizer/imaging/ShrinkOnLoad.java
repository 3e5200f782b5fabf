package io.mediasync.resizer.imaging;

import java.util.List;

/**
 * How much smaller than the source the pipeline may work, keeping every rendition at least {@link #MARGIN} times
 * smaller than what it is computed from so the final Lanczos pass has real pixels to filter.
 */
final class ShrinkOnLoad {

    /** The last, filtered, step always shrinks by at least this much (Pillow's reducing_gap = 2). */
    static final int MARGIN = 2;

    private ShrinkOnLoad() {
    }

    /**
     * The decoder's subsampling factor. Subsampling keeps one pixel in n (no averaging), which aliases fine
     * detail, so it is used only when decoding at full size would exceed {@code maxDecodedPixels}, and never more
     * than leaves the decoded image {@link #MARGIN}x the largest rendition; below that budget the exact but
     * cheap {@link BoxReducer} does the shrinking instead.
     *
     * @param renditions in stored (pre-orientation) source pixels
     */
    static int decoderSubsampling(int width, int height, List<ResizeGeometry> renditions, long maxDecodedPixels) {
        int qualityLimit = Integer.MAX_VALUE;
        for (ResizeGeometry g : renditions) {
            qualityLimit = Math.min(qualityLimit, reduceFactor(g.regionWidth(), g.width()));
            qualityLimit = Math.min(qualityLimit, reduceFactor(g.regionHeight(), g.height()));
        }
        int needed = 1;
        while ((long) BoxReducer.ceilDiv(width, needed) * BoxReducer.ceilDiv(height, needed) > maxDecodedPixels) {
            needed++;
        }
        return Math.max(1, Math.min(qualityLimit, needed));
    }

    /** The largest whole factor that still leaves {@code region} at least MARGIN x {@code output}. */
    static int reduceFactor(double region, int output) {
        return (int) Math.max(1, Math.floor(region / (MARGIN * (double) output)));
    }
}
