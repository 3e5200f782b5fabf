package io.mediasync.resizer.imaging.resample;

import java.util.List;

/**
 * How much smaller than the source the pipeline may work, keeping every rendition at least {@link #MARGIN} times
 * smaller than what it is computed from so the final Lanczos pass has real pixels to filter.
 */
public final class ShrinkOnLoad {

    /** The last, filtered, step always shrinks by at least this much (Pillow's reducing_gap = 2). */
    static final int MARGIN = 2;
    /**
     * After an exact reduction while decoding: 1 (decode just to the box, as Pillow's {@code draft()}) would leave a cover of
     * twice the box a plain box average, 44 dB from the exact Lanczos instead of 61 (measured).
     */
    static final double DCT_MARGIN = 1.5;
    /** Chroma decoded to a plane stays at least this much larger than every rendition (see chromaSpan). */
    static final double CHROMA_MARGIN = 1.25;

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
    public static int decoderSubsampling(int width, int height, List<ResizeGeometry> renditions, long maxDecodedPixels) {
        int qualityLimit = qualityLimit(renditions);
        int needed = 1;
        while ((long) BoxReducer.ceilDiv(width, needed) * BoxReducer.ceilDiv(height, needed) > maxDecodedPixels) {
            needed++;
        }
        return Math.max(1, Math.min(qualityLimit, needed));
    }

    /**
     * The factor for a decoder that reduces exactly while decoding (each decoded pixel the mean of a block of source
     * pixels: the JPEG decoder's scaled IDCT, 1, 2, 4 or 8 with {@code powerOfTwo}; the PNG decoder's box, any
     * factor): the largest that leaves the decoded image {@link #DCT_MARGIN}x every rendition. An exact box average
     * is a low-pass filter in itself, the step {@link BoxReducer} would otherwise take after a full decode, so a
     * smaller margin than that step's suffices: renditions stay within 52 dB PSNR of an exact Lanczos of the full
     * image (before encoding; generated photo and covers, docs/benchmarks.md), while a 3000 px cover is decoded at
     * 1/2 for an 800 px box.
     */
    public static int exactReduction(List<ResizeGeometry> renditions, boolean powerOfTwo) {
        int limit = Integer.MAX_VALUE;
        for (ResizeGeometry g : renditions) {
            limit = Math.min(limit, (int) Math.max(1, Math.floor(g.regionWidth() / (DCT_MARGIN * g.width()))));
            limit = Math.min(limit, (int) Math.max(1, Math.floor(g.regionHeight() / (DCT_MARGIN * g.height()))));
        }
        if (!powerOfTwo) {
            return limit;
        }
        int denominator = 1;
        while (denominator < 8 && denominator * 2 <= limit) {
            denominator *= 2;
        }
        return denominator;
    }

    /**
     * How many source pixels a sample of a JPEG's chroma plane may span on each axis: chroma stays at least
     * {@link #CHROMA_MARGIN}x every rendition. The renditions are encoded with 4:2:0 chroma, so that is 2.5x the colour
     * detail they keep, and the plane is reduced without attenuating it ({@code JpegDecoder.decodePlanes}): a 12 MP
     * photo's renditions are delivered as close to an exact Lanczos as with full-resolution chroma, which a 3000 px
     * cover for an 800 px box still gets (docs/benchmarks.md).
     */
    public static double chromaSpan(List<ResizeGeometry> renditions) {
        double span = Double.MAX_VALUE;
        for (ResizeGeometry g : renditions) {
            span = Math.min(span, Math.min(g.regionWidth() / g.width(), g.regionHeight() / g.height()));
        }
        return span / CHROMA_MARGIN;
    }

    /** The largest whole reduction every rendition allows, by {@link #reduceFactor}. */
    private static int qualityLimit(List<ResizeGeometry> renditions) {
        int limit = Integer.MAX_VALUE;
        for (ResizeGeometry g : renditions) {
            limit = Math.min(limit, reduceFactor(g.regionWidth(), g.width()));
            limit = Math.min(limit, reduceFactor(g.regionHeight(), g.height()));
        }
        return limit;
    }

    /**
     * The largest whole factor that still leaves {@code region} at least MARGIN x {@code output}, the output being
     * the size before it was rounded to whole pixels (up to half a pixel less): a 4000x3000 photo's 250x188 rendition
     * is 187.5 pixels high, and its rows reduce by 4 like its columns (the copy the decoder made), not by 3.
     */
    public static int reduceFactor(double region, int output) {
        return (int) Math.max(1, Math.floor(region / (MARGIN * Math.max(output - 0.5, 0.5))));
    }
}
