package io.mediasync.resizer.imaging;

import java.util.Arrays;

/**
 * Separable Lanczos-3 resampling, the same algorithm as Pillow's {@code ImagingResample}: the weights of every
 * output column and row are computed once; when shrinking, the kernel is stretched by the scale factor so every
 * source pixel under an output pixel contributes (that is what prevents aliasing); the arithmetic is 22-bit fixed
 * point on the byte arrays, with no per-pixel allocation.
 * <p>
 * Hand-written on purpose: Java2D's drawImage/AffineTransformOp scale in a single bilinear or bicubic step that
 * reads only 2-4 source pixels per output pixel and so aliases badly when shrinking, getScaledInstance(SMOOTH) is
 * slow, and the libraries that do progressive or proper filtered scaling (imgscalr, java-image-scaling) are
 * unmaintained. No Java2D is used here.
 */
final class Resampler {

    private static final double LANCZOS_SUPPORT = 3.0;
    /** Pillow's choice: 8 bits of pixel, 2 bits of headroom for negative lobes and overshoot, 22 bits of weight. */
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int ROUNDING = 1 << (PRECISION_BITS - 1);

    private Resampler() {
    }

    /**
     * Resamples the region [x0, x1) x [y0, y1) of {@code src} (in source pixels, fractions allowed) to
     * {@code outWidth x outHeight}. Works for shrinking and enlarging, on each axis independently.
     */
    static RgbImage resample(RgbImage src, double x0, double y0, double x1, double y1, int outWidth, int outHeight) {
        if (!(0 <= x0 && x0 < x1 && x1 <= src.width() && 0 <= y0 && y0 < y1 && y1 <= src.height())) {
            throw new IllegalArgumentException("region [" + x0 + "," + x1 + ")x[" + y0 + "," + y1 + ") outside "
                    + src.width() + "x" + src.height());
        }
        boolean horizontal = outWidth != src.width() || x0 != 0 || x1 != src.width();
        boolean vertical = outHeight != src.height() || y0 != 0 || y1 != src.height();
        Weights columns = horizontal ? Weights.lanczos(src.width(), x0, x1, outWidth) : Weights.identity(outWidth);
        Weights rows = vertical ? Weights.lanczos(src.height(), y0, y1, outHeight) : Weights.identity(outHeight);

        if (!horizontal) {
            return vertical ? new RgbImage(outWidth, outHeight, filter(src.bgr(), src.width() * RgbImage.CHANNELS, 0,
                    src.width(), rows, false)) : src;
        }
        // Both passes filter whole rows (SIMD-friendly, see filter) and write their output transposed: the vertical
        // pass leaves the columns the horizontal pass needs as rows, and the horizontal pass turns them back.
        int firstColumn = columns.first();
        int columnCount = columns.end() - firstColumn;
        byte[] transposed = filter(src.bgr(), src.width() * RgbImage.CHANNELS, firstColumn * RgbImage.CHANNELS,
                columnCount, rows, true);
        return new RgbImage(outWidth, outHeight,
                filter(transposed, outHeight * RgbImage.CHANNELS, 0, outHeight, columns.shifted(-firstColumn), true));
    }

    /**
     * Filters along the rows' axis: output row j is the weighted sum of input rows start[j].. of {@code pixels}
     * pixels each (at {@code offset} in each row of {@code stride} bytes). The input rows in use are widened to ints
     * once, into a ring of {@code taps} rows (the window only slides down), so the multiply-add runs over int
     * arrays, a loop the JIT turns into SIMD (a byte-to-int widening in the same loop would keep it scalar on
     * Java 17). With {@code transpose}, output row j is stored as column j of a {@code pixels}-row image.
     */
    private static byte[] filter(byte[] in, int stride, int offset, int pixels, Weights weights, boolean transpose) {
        int rowBytes = pixels * RgbImage.CHANNELS;
        int outRows = weights.size();
        byte[] dst = new byte[Math.multiplyExact(rowBytes, outRows)];
        int[] sums = new int[rowBytes];
        int[] start = weights.start;
        int[] count = weights.count;
        int[] coefficients = weights.coefficients;
        int taps = weights.taps;
        int[][] ring = new int[taps][rowBytes];
        int[] ringRow = new int[taps];
        Arrays.fill(ringRow, -1);
        for (int j = 0; j < outRows; j++) {
            int first = start[j];
            int n = count[j];
            for (int t = 0; t < n; t++) {
                int row = first + t;
                int slot = row % taps;
                if (ringRow[slot] != row) {
                    widen(in, row * stride + offset, ring[slot], rowBytes);
                    ringRow[slot] = row;
                }
            }
            Arrays.fill(sums, ROUNDING);
            int k = j * taps;
            int t = 0;
            for (; t + 1 < n; t += 2) {
                int[] a = ring[(first + t) % taps];
                int[] b = ring[(first + t + 1) % taps];
                int wa = coefficients[k + t];
                int wb = coefficients[k + t + 1];
                for (int i = 0; i < rowBytes; i++) {
                    sums[i] += a[i] * wa + b[i] * wb;
                }
            }
            if (t < n) {
                int[] a = ring[(first + t) % taps];
                int wa = coefficients[k + t];
                for (int i = 0; i < rowBytes; i++) {
                    sums[i] += a[i] * wa;
                }
            }
            if (transpose) {
                int columnStride = outRows * RgbImage.CHANNELS;
                for (int i = 0, d = j * RgbImage.CHANNELS; i < rowBytes; i += RgbImage.CHANNELS, d += columnStride) {
                    dst[d] = clip(sums[i]);
                    dst[d + 1] = clip(sums[i + 1]);
                    dst[d + 2] = clip(sums[i + 2]);
                }
            } else {
                for (int i = 0, d = j * rowBytes; i < rowBytes; i++) {
                    dst[d + i] = clip(sums[i]);
                }
            }
        }
        return dst;
    }

    private static void widen(byte[] in, int from, int[] out, int length) {
        for (int i = 0; i < length; i++) {
            out[i] = in[from + i] & 0xFF;
        }
    }

    private static byte clip(int sum) {
        int v = sum >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    static double lanczos3(double x) {
        if (x <= -LANCZOS_SUPPORT || x >= LANCZOS_SUPPORT) {
            return 0.0;
        }
        return sinc(x) * sinc(x / LANCZOS_SUPPORT);
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** For each output pixel: the first source pixel, how many follow, and their fixed-point weights. */
    static final class Weights {
        final int[] start;
        final int[] count;
        /** {@code taps} slots per output pixel, only the first {@code count[i]} used. */
        final int[] coefficients;
        final int taps;

        private Weights(int[] start, int[] count, int[] coefficients, int taps) {
            this.start = start;
            this.count = count;
            this.coefficients = coefficients;
            this.taps = taps;
        }

        int size() {
            return start.length;
        }

        int first() {
            return start[0];
        }

        int end() {
            int last = start.length - 1;
            return start[last] + count[last];
        }

        /** The same weights with every start moved by {@code delta}. */
        Weights shifted(int delta) {
            int[] moved = start.clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] += delta;
            }
            return new Weights(moved, count, coefficients, taps);
        }

        static Weights identity(int size) {
            int[] start = new int[size];
            int[] count = new int[size];
            int[] coefficients = new int[size];
            for (int i = 0; i < size; i++) {
                start[i] = i;
                count[i] = 1;
                coefficients[i] = 1 << PRECISION_BITS;
            }
            return new Weights(start, count, coefficients, 1);
        }

        /** Maps [in0, in1) of a line of {@code inSize} pixels onto {@code outSize} pixels (Pillow's precompute_coeffs). */
        static Weights lanczos(int inSize, double in0, double in1, int outSize) {
            double scale = (in1 - in0) / outSize;
            double filterScale = Math.max(scale, 1.0); // stretch the kernel only when shrinking
            double support = LANCZOS_SUPPORT * filterScale;
            int taps = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[outSize];
            int[] count = new int[outSize];
            int[] coefficients = new int[outSize * taps];
            double[] weights = new double[taps];
            for (int i = 0; i < outSize; i++) {
                double center = in0 + (i + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize);
                int n = max - min;
                double total = 0.0;
                for (int j = 0; j < n; j++) {
                    double w = lanczos3((j + min - center + 0.5) / filterScale);
                    weights[j] = w;
                    total += w;
                }
                for (int j = 0; j < n; j++) {
                    double w = total != 0.0 ? weights[j] / total : 0.0;
                    coefficients[i * taps + j] = (int) Math.round(w * (1 << PRECISION_BITS));
                }
                start[i] = min;
                count[i] = n;
            }
            return new Weights(start, count, coefficients, taps);
        }
    }
}
