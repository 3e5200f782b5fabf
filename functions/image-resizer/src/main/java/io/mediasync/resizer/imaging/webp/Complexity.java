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

    static Complexity of(Planes p) {
        int[] alphas = new int[p.mbWidth * p.mbHeight];
        int[] block = new int[16];
        int[] src = new int[256];
        int[] pred = new int[256];
        int[] histogram = new int[BINS];
        long uvSum = 0;
        for (int mbY = 0, n = 0; mbY < p.mbHeight; mbY++) {
            for (int mbX = 0; mbX < p.mbWidth; mbX++, n++) {
                java.util.Arrays.fill(histogram, 0);
                predictDc(p.y, p.yStride, mbX * 16, mbY * 16, 16, src, pred);
                for (int b = 0; b < 16; b++) {
                    collect(src, pred, MacroblockEncoder.LUMA_OFFSET[b], block, histogram);
                }
                int luma = spread(histogram);
                java.util.Arrays.fill(histogram, 0);
                for (byte[] plane : new byte[][] {p.u, p.v}) {
                    predictDc(plane, p.uvStride, mbX * 8, mbY * 8, 8, src, pred);
                    for (int b = 0; b < 4; b++) {
                        collect(src, pred, MacroblockEncoder.CHROMA_OFFSET[b], block, histogram);
                    }
                }
                int chroma = spread(histogram);
                uvSum += chroma;
                alphas[n] = Math.max(0, Math.min(255, 255 - ((3 * luma + chroma + 2) >> 2)));
            }
        }
        return new Complexity(alphas, (int) (uvSum / alphas.length));
    }

    /** The block's source into {@code src} (16 wide) and the DC of the source pixels above and left into {@code pred}. */
    private static void predictDc(byte[] plane, int stride, int x0, int y0, int size, int[] src, int[] pred) {
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
        int dc = count == 0 ? 128 : (sum + count / 2) / count;
        for (int row = 0; row < size; row++) {
            for (int i = 0; i < size; i++) {
                src[row * 16 + i] = plane[(y0 + row) * stride + x0 + i] & 0xFF;
                pred[row * 16 + i] = dc;
            }
        }
    }

    private static void collect(int[] src, int[] pred, int off, int[] block, int[] histogram) {
        Transforms.forwardDct(src, off, 16, pred, off, 16, block, 0);
        for (int k = 0; k < 16; k++) {
            int bin = Math.abs(block[k]) >> 3;
            histogram[bin < BINS ? bin : BINS - 1]++;
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
