package io.mediasync.resizer.imaging.webp;

/**
 * How hard each macroblock is to code, measured as libwebp does before choosing segments: the DCT coefficients
 * of its residual after a DC prediction from the source around it go into a histogram of magnitudes, and a block
 * whose histogram reaches far relative to its peak is complex. The per-macroblock value ("alpha", 0..255) is high
 * for simple blocks; the chroma average steers the chroma quantiser.
 */
final class Complexity {

    final int[] alphas;
    final int uvAverage;

    private Complexity(int[] alphas, int uvAverage) {
        this.alphas = alphas;
        this.uvAverage = uvAverage;
    }

    static Complexity of(Planes p, SourceTransforms transforms) {
        int[] alphas = new int[p.mbWidth * p.mbHeight];
        short[] coefficients = transforms.coefficients;
        long uvSum = 0;
        for (int mbY = 0, n = 0; mbY < p.mbHeight; mbY++) {
            for (int mbX = 0; mbX < p.mbWidth; mbX++, n++) {
                int base = n * SourceTransforms.PER_MACROBLOCK;
                int luma = spread(collect(coefficients, base, 16, 8 * predictDc(p.y, p.yStride, mbX * 16, mbY * 16, 16), 0));
                long chromaStats = collect(coefficients, base + 256, 4, 8 * predictDc(p.u, p.uvStride, mbX * 8, mbY * 8, 8), 0);
                int chroma = spread(collect(coefficients, base + 320, 4, 8 * predictDc(p.v, p.uvStride, mbX * 8, mbY * 8, 8),
                        chromaStats));
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
     * Adds to {@code stats} ({@code smallCount << 32 | largestBin}) the residual's coefficients after a flat
     * prediction: the source's own transform with each DC lowered by the prediction's ({@code dc}), the transform
     * being linear. A magnitude's bin is a step of 8; bin 0 holds the small ones.
     */
    private static long collect(short[] coefficients, int at, int blocks, int dc, long stats) {
        int small = (int) (stats >>> 32);
        int largest = (int) stats;
        for (int b = at; b < at + blocks * 16; b += 16) {
            int bin = Math.abs(coefficients[b] - dc) >> 3;
            small += bin == 0 ? 1 : 0;
            largest = Math.max(largest, bin);
            for (int i = b + 1; i < b + 16; i++) {
                bin = Math.abs(coefficients[i]) >> 3;
                small += bin == 0 ? 1 : 0;
                largest = Math.max(largest, bin);
            }
        }
        return (long) small << 32 | largest;
    }

    /**
     * libwebp's alpha, 0..510: how far the magnitudes reach (the last bin, at most 31) relative to how many are
     * small (libwebp divides by the fullest bin, which is the small ones' but in the noisiest blocks).
     */
    private static int spread(long stats) {
        int small = (int) (stats >>> 32);
        int largest = Math.min((int) stats, 31);
        return Math.min(510, 510 * largest / Math.max(small, 2));
    }
}
