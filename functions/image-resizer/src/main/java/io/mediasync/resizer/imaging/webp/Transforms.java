package io.mediasync.resizer.imaging.webp;

/**
 * The 4x4 transforms. The inverse ones are the decoder's (RFC 6386 14.3 and 14.4) and must match it bit for bit;
 * the forward ones are the encoder's choice: the classic VP8 integer DCT, scaled so that a flat residual r gives a
 * DC of 8r, and a Walsh-Hadamard transform scaled to undo the decoder's (x + 3) >> 3.
 */
final class Transforms {

    private static final int C1 = 20091; // cos(pi/8) * sqrt(2) - 1, in 1/65536
    private static final int S1 = 35468; // sin(pi/8) * sqrt(2), in 1/65536

    private Transforms() {
    }

    /** DCT of the 4x4 residual {@code src - pred} into {@code out[o..o+15]}, raster order. */
    static void forwardDct(int[] src, int s, int srcStride, int[] pred, int p, int predStride, int[] out, int o) {
        for (int row = 0; row < 4; row++, s += srcStride, p += predStride) {
            int d0 = src[s] - pred[p];
            int d1 = src[s + 1] - pred[p + 1];
            int d2 = src[s + 2] - pred[p + 2];
            int d3 = src[s + 3] - pred[p + 3];
            int a = (d0 + d3) * 8;
            int b = (d1 + d2) * 8;
            int c = (d1 - d2) * 8;
            int d = (d0 - d3) * 8;
            int r = o + row * 4;
            out[r] = a + b;
            out[r + 2] = a - b;
            out[r + 1] = (c * 2217 + d * 5352 + 14500) >> 12;
            out[r + 3] = (d * 2217 - c * 5352 + 7500) >> 12;
        }
        for (int col = o; col < o + 4; col++) {
            int t0 = out[col];
            int t1 = out[col + 4];
            int t2 = out[col + 8];
            int t3 = out[col + 12];
            int a = t0 + t3;
            int b = t1 + t2;
            int c = t1 - t2;
            int d = t0 - t3;
            out[col] = (a + b + 7) >> 4;
            out[col + 8] = (a - b + 7) >> 4;
            out[col + 4] = ((c * 2217 + d * 5352 + 12000) >> 16) + (d != 0 ? 1 : 0);
            out[col + 12] = (d * 2217 - c * 5352 + 51000) >> 16;
        }
    }

    /**
     * The decoder's inverse DCT of {@code in[i..i+15]} (destroyed) added to the prediction and clamped into
     * {@code dst}; a block whose only non-zero coefficient is the DC takes the equivalent short path.
     */
    static void inverseDct(int[] in, int i, boolean dcOnly, int[] pred, int p, int predStride,
                           int[] dst, int d, int dstStride) {
        if (dcOnly) {
            int dc = (in[i] + 4) >> 3;
            for (int row = 0; row < 4; row++, p += predStride, d += dstStride) {
                dst[d] = clamp(pred[p] + dc);
                dst[d + 1] = clamp(pred[p + 1] + dc);
                dst[d + 2] = clamp(pred[p + 2] + dc);
                dst[d + 3] = clamp(pred[p + 3] + dc);
            }
            return;
        }
        for (int col = i; col < i + 4; col++) { // vertical pass, in place
            int x0 = in[col];
            int x1 = in[col + 4];
            int x2 = in[col + 8];
            int x3 = in[col + 12];
            int a = x0 + x2;
            int b = x0 - x2;
            int c = ((x1 * S1) >> 16) - (x3 + ((x3 * C1) >> 16));
            int e = x1 + ((x1 * C1) >> 16) + ((x3 * S1) >> 16);
            in[col] = a + e;
            in[col + 4] = b + c;
            in[col + 8] = b - c;
            in[col + 12] = a - e;
        }
        for (int row = i; row < i + 16; row += 4, p += predStride, d += dstStride) {
            int x0 = in[row];
            int x1 = in[row + 1];
            int x2 = in[row + 2];
            int x3 = in[row + 3];
            int a = x0 + x2;
            int b = x0 - x2;
            int c = ((x1 * S1) >> 16) - (x3 + ((x3 * C1) >> 16));
            int e = x1 + ((x1 * C1) >> 16) + ((x3 * S1) >> 16);
            dst[d] = clamp(pred[p] + ((a + e + 4) >> 3));
            dst[d + 1] = clamp(pred[p + 1] + ((b + c + 4) >> 3));
            dst[d + 2] = clamp(pred[p + 2] + ((b - c + 4) >> 3));
            dst[d + 3] = clamp(pred[p + 3] + ((a - e + 4) >> 3));
        }
    }

    /** Walsh-Hadamard transform of the 16 luma DCs {@code dc[0..15]} (block raster order) into {@code out}. */
    static void forwardWht(int[] dc, int[] out) {
        for (int row = 0; row < 16; row += 4) {
            int a = dc[row] + dc[row + 3];
            int b = dc[row + 1] + dc[row + 2];
            int c = dc[row + 1] - dc[row + 2];
            int d = dc[row] - dc[row + 3];
            out[row] = a + b;
            out[row + 1] = d + c;
            out[row + 2] = a - b;
            out[row + 3] = d - c;
        }
        for (int col = 0; col < 4; col++) {
            int a = out[col] + out[col + 12];
            int b = out[col + 4] + out[col + 8];
            int c = out[col + 4] - out[col + 8];
            int d = out[col] - out[col + 12];
            out[col] = (a + b) >> 1;
            out[col + 4] = (d + c) >> 1;
            out[col + 8] = (a - b) >> 1;
            out[col + 12] = (d - c) >> 1;
        }
    }

    /** The decoder's inverse WHT of {@code in} (destroyed): the DC of each of the 16 luma blocks into {@code dc}. */
    static void inverseWht(int[] in, int[] dc) {
        for (int col = 0; col < 4; col++) {
            int a = in[col] + in[col + 12];
            int b = in[col + 4] + in[col + 8];
            int c = in[col + 4] - in[col + 8];
            int d = in[col] - in[col + 12];
            in[col] = a + b;
            in[col + 4] = c + d;
            in[col + 8] = a - b;
            in[col + 12] = d - c;
        }
        for (int row = 0; row < 16; row += 4) {
            int a = in[row] + in[row + 3];
            int b = in[row + 1] + in[row + 2];
            int c = in[row + 1] - in[row + 2];
            int d = in[row] - in[row + 3];
            dc[row] = (a + b + 3) >> 3;
            dc[row + 1] = (c + d + 3) >> 3;
            dc[row + 2] = (a - b + 3) >> 3;
            dc[row + 3] = (d - c + 3) >> 3;
        }
    }

    static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
