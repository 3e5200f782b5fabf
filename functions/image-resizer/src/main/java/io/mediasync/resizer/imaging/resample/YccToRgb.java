package io.mediasync.resizer.imaging.resample;

/**
 * Resampled JPEG planes to B, G, R bytes, from the resampler's unrounded fixed-point sums ({@link Resampler#samples}):
 * the JFIF equations (libjpeg's constants) in {@link #BITS}-bit fixed point, each pixel rounded once.
 */
public final class YccToRgb {

    private static final int BAND = 16;
    /** Fractional bits of the arithmetic: 1.3 x 128 x 2^11 (a chroma value with the filter's overshoot) x 1.772 x
     *  2^11 stays inside an int. */
    private static final int BITS = 11;
    private static final int HALF = 1 << (BITS - 1);
    private static final int CENTRE = 128 << BITS;
    private static final int CB_B = fix(1.772);
    private static final int CB_G = fix(0.34414);
    private static final int CR_G = fix(0.71414);
    private static final int CR_R = fix(1.402);

    private YccToRgb() {
    }

    public static void convert(Resampler.Samples y, Resampler.Samples cb, Resampler.Samples cr, byte[] bgr) {
        int[] ys = y.sums();
        int[] cbs = cb.sums();
        int[] crs = cr.sums();
        int yShift = y.fraction() - BITS;
        int cbShift = cb.fraction() - BITS;
        int crShift = cr.fraction() - BITS;
        int width = y.width();
        int height = y.height();
        // a band of BAND columns at a time, row by row: each plane is read along BAND streams (a column of a
        // transposed plane is contiguous) and the pixels are written along a cache line or two
        for (int left = 0; left < width; left += BAND) {
            int right = Math.min(left + BAND, width);
            for (int row = 0; row < height; row++) {
                int yi = left * y.xStride() + row * y.yStride();
                int cbi = left * cb.xStride() + row * cb.yStride();
                int cri = left * cr.xStride() + row * cr.yStride();
                for (int x = left, o = (row * width + left) * 3; x < right; x++, o += 3) {
                    int luma = (ys[yi] >> yShift) + HALF;
                    int blue = (cbs[cbi] >> cbShift) - CENTRE;
                    int red = (crs[cri] >> crShift) - CENTRE;
                    bgr[o] = toByte(luma + ((CB_B * blue + HALF) >> BITS));
                    bgr[o + 1] = toByte(luma - ((CB_G * blue + CR_G * red + HALF) >> BITS));
                    bgr[o + 2] = toByte(luma + ((CR_R * red + HALF) >> BITS));
                    yi += y.xStride();
                    cbi += cb.xStride();
                    cri += cr.xStride();
                }
            }
        }
    }

    public static void grey(Resampler.Samples y, byte[] bgr) {
        int[] ys = y.sums();
        int shift = y.fraction() - BITS;
        int width = y.width();
        for (int row = 0; row < y.height(); row++) {
            for (int x = 0; x < width; x++) {
                byte v = toByte((ys[x * y.xStride() + row * y.yStride()] >> shift) + HALF);
                int o = (row * width + x) * 3;
                bgr[o] = v;
                bgr[o + 1] = v;
                bgr[o + 2] = v;
            }
        }
    }

    private static int fix(double x) {
        return (int) Math.round(x * (1 << BITS));
    }

    /** A value with BITS fractional bits and the rounding half already added, as a level clamped to 0..255. */
    private static byte toByte(int value) {
        int v = value >> BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
