package io.mediasync.resizer.imaging.webp;

/**
 * How hard each macroblock is to code, measured as libwebp does before choosing segments: the DCT coefficients
 * of its residual after a DC prediction from the source around it go into a histogram of magnitudes, and a block
 * whose histogram reaches far relative to its peak is complex. The per-macroblock value ("alpha", 0..255) is high
 * for simple blocks; the chroma average steers the chroma quantiser.
 */
final class Complexity {

    private static final int BINS = 32;

    final int[] alphas;
    final int uvAverage;

    private Complexity(int[] alphas, int uvAverage) {
        this.alphas = alphas;
        this.uvAverage = uvAverage;
    }

    static Complexity of(Planes p, SourceTransforms transforms) {
        int[] alphas = new int[p.mbWidth * p.mbHeight];
        int[] histogram = new int[BINS];
        short[] coefficients = transforms.coefficients;
        long uvSum = 0;
        for (int mbY = 0, n = 0; mbY < p.mbHeight; mbY++) {
            for (int mbX = 0; mbX < p.mbWidth; mbX++, n++) {
                int base = n * SourceTransforms.PER_MACROBLOCK;
                java.util.Arrays.fill(histogram, 0);
                collect(coefficients, base, 16, 8 * predictDc(p.y, p.yStride, mbX * 16, mbY * 16, 16), histogram);
                int luma = spread(histogram);
                java.util.Arrays.fill(histogram, 0);
                collect(coefficients, base + 256, 4, 8 * predictDc(p.u, p.uvStride, mbX * 8, mbY * 8, 8), histogram);
                collect(coefficients, base + 320, 4, 8 * predictDc(p.v, p.uvStride, mbX * 8, mbY * 8, 8), histogram);
                int chroma = spread(histogram);
                uvSum += chroma;
                alphas[n] = Math.max(0, Math.min(255, 255 - ((3 * luma + chroma + 2) >> 2)));
            }
        }
        return new Complexity(alphas, (int) (uvSum / alphas.length));
    }

    /** The DC prediction of a block from the source pixels above and to the left (128 at the frame's corner). */
    private static int predictDc(byte[] plane, int stride, int x0, int y0, int size) {
        int sum = 0;
        int count = 0;
        if (y0 > 0) {
            for (int i = 0; i < size; i++) {
                sum += plane[(y0 - 1) * stride + x0 + i] & 0xFF;
            }
            count += size;
        }
        if (x0 > 0) {
            for (int i = 0; i < size; i++) {
                sum += plane[(y0 + i) * stride + x0 - 1] & 0xFF;
            }
            count += size;
        }
        return count == 0 ? 128 : (sum + count / 2) / count;
    }

    /**
     * Histogram of the residual's coefficients after a flat prediction: the source's own transform with each DC
     * lowered by the prediction's ({@code dc}), the transform being linear.
     */
    private static void collect(short[] coefficients, int at, int blocks, int dc, int[] histogram) {
        for (int b = at; b < at + blocks * 16; b += 16) {
            histogram[Math.min(Math.abs(coefficients[b] - dc) >> 3, BINS - 1)]++;
            for (int i = b + 1; i < b + 16; i++) {
                histogram[Math.min(Math.abs(coefficients[i]) >> 3, BINS - 1)]++;
            }
        }
    }

    /** libwebp's alpha: how far the histogram reaches (last non-empty bin) relative to its peak, 0..510. */
    private static int spread(int[] histogram) {
        int peak = 0;
        int last = 1;
        for (int k = 0; k < BINS; k++) {
            if (histogram[k] > 0) {
                peak = Math.max(peak, histogram[k]);
                last = k;
            }
        }
        return peak > 1 ? 510 * last / peak : 0;
    }
}
