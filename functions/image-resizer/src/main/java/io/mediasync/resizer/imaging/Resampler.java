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

        // Vertical first: its inner loop runs along the contiguous bytes of a row (measured ~1.8x faster per
        // multiply-add than the horizontal pass), so it gets the big input; only the columns the horizontal pass
        // needs are computed.
        int firstColumn = columns.first();
        int columnCount = columns.end() - firstColumn;
        RgbImage tall = vertical || columnCount != src.width()
                ? verticalPass(src, firstColumn, columnCount, rows)
                : src;
        return horizontal ? horizontalPass(tall, firstColumn, columns) : tall;
    }

    private static RgbImage verticalPass(RgbImage src, int firstColumn, int columnCount, Weights rows) {
        byte[] in = src.bgr();
        int inStride = src.width() * RgbImage.CHANNELS;
        int rowBytes = columnCount * RgbImage.CHANNELS;
        int columnOffset = firstColumn * RgbImage.CHANNELS;
        RgbImage out = RgbImage.allocate(columnCount, rows.size());
        byte[] dst = out.bgr();
        int[] sums = new int[rowBytes];
        int[] start = rows.start;
        int[] count = rows.count;
        int[] coefficients = rows.coefficients;
        int taps = rows.taps;
        for (int y = 0; y < start.length; y++) {
            Arrays.fill(sums, ROUNDING);
            int k = y * taps;
            int tapsEnd = k + count[y];
            for (int p = start[y] * inStride + columnOffset; k < tapsEnd; k++, p += inStride) {
                int weight = coefficients[k];
                for (int i = 0; i < rowBytes; i++) {
                    sums[i] += (in[p + i] & 0xFF) * weight;
                }
            }
            int d = y * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                dst[d + i] = clip(sums[i]);
            }
        }
        return out;
    }

    /** {@code src} starts at source column {@code firstColumn}; the weights are in source columns. */
    private static RgbImage horizontalPass(RgbImage src, int firstColumn, Weights columns) {
        byte[] in = src.bgr();
        int inStride = src.width() * RgbImage.CHANNELS;
        RgbImage out = RgbImage.allocate(columns.size(), src.height());
        byte[] dst = out.bgr();
        int[] start = columns.start;
        int[] count = columns.count;
        int[] coefficients = columns.coefficients;
        int taps = columns.taps;
        int d = 0;
        for (int y = 0; y < src.height(); y++) {
            int rowStart = y * inStride - firstColumn * RgbImage.CHANNELS;
            for (int x = 0; x < start.length; x++) {
                int b = ROUNDING;
                int g = ROUNDING;
                int r = ROUNDING;
                int k = x * taps;
                int tapsEnd = k + count[x];
                for (int p = rowStart + start[x] * RgbImage.CHANNELS; k < tapsEnd; k++, p += RgbImage.CHANNELS) {
                    int weight = coefficients[k];
                    b += (in[p] & 0xFF) * weight;
                    g += (in[p + 1] & 0xFF) * weight;
                    r += (in[p + 2] & 0xFF) * weight;
                }
                dst[d++] = clip(b);
                dst[d++] = clip(g);
                dst[d++] = clip(r);
            }
        }
        return out;
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
