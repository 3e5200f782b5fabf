package io.mediasync.resizer.imaging.webp;

/**
 * The 4x4 transforms. The inverse ones are the decoder's (RFC 6386 14.3 and 14.4) and must match it bit for bit;
 * the forward ones are the encoder's choice: the VP8 integer DCT computed without intermediate rounding, scaled so
 * that a flat residual r gives a DC of 8r, and a Walsh-Hadamard transform scaled to undo the decoder's (x + 3) >> 3.
 */
final class Transforms {

    private static final int C1 = 20091; // cos(pi/8) * sqrt(2) - 1, in 1/65536
    private static final int S1 = 35468; // sin(pi/8) * sqrt(2), in 1/65536

    private Transforms() {
    }

    /**
     * DCT of the 4x4 residual {@code src - pred} into {@code out[o..o+15]}, raster order. Exact integer arithmetic
     * up to one final rounding, so the transform of a difference is the difference of the transforms (within 1):
     * the mode decision transforms the source once and each prediction cheaply.
     */
    static void forwardDct(int[] src, int s, int srcStride, int[] pred, int p, int predStride, int[] out, int o) {
        int d0 = src[s] - pred[p];
        int d1 = src[s + 1] - pred[p + 1];
        int d2 = src[s + 2] - pred[p + 2];
        int d3 = src[s + 3] - pred[p + 3];
        int r00 = (d0 + d3 + d1 + d2) << 12;
        int r02 = (d0 + d3 - d1 - d2) << 12;
        int r01 = 2217 * (d1 - d2) + 5352 * (d0 - d3);
        int r03 = 2217 * (d0 - d3) - 5352 * (d1 - d2);
        s += srcStride;
        p += predStride;
        d0 = src[s] - pred[p];
        d1 = src[s + 1] - pred[p + 1];
        d2 = src[s + 2] - pred[p + 2];
        d3 = src[s + 3] - pred[p + 3];
        int r10 = (d0 + d3 + d1 + d2) << 12;
        int r12 = (d0 + d3 - d1 - d2) << 12;
        int r11 = 2217 * (d1 - d2) + 5352 * (d0 - d3);
        int r13 = 2217 * (d0 - d3) - 5352 * (d1 - d2);
        s += srcStride;
        p += predStride;
        d0 = src[s] - pred[p];
        d1 = src[s + 1] - pred[p + 1];
        d2 = src[s + 2] - pred[p + 2];
        d3 = src[s + 3] - pred[p + 3];
        int r20 = (d0 + d3 + d1 + d2) << 12;
        int r22 = (d0 + d3 - d1 - d2) << 12;
        int r21 = 2217 * (d1 - d2) + 5352 * (d0 - d3);
        int r23 = 2217 * (d0 - d3) - 5352 * (d1 - d2);
        s += srcStride;
        p += predStride;
        d0 = src[s] - pred[p];
        d1 = src[s + 1] - pred[p + 1];
        d2 = src[s + 2] - pred[p + 2];
        d3 = src[s + 3] - pred[p + 3];
        int r30 = (d0 + d3 + d1 + d2) << 12;
        int r32 = (d0 + d3 - d1 - d2) << 12;
        int r31 = 2217 * (d1 - d2) + 5352 * (d0 - d3);
        int r33 = 2217 * (d0 - d3) - 5352 * (d1 - d2);
        column(r00, r10, r20, r30, out, o);
        column(r01, r11, r21, r31, out, o + 1);
        column(r02, r12, r22, r32, out, o + 2);
        column(r03, r13, r23, r33, out, o + 3);
    }

    /**
     * Subtracts the transform of a 4x4 block (stride 4 at {@code p}) whose rows are all equal: only its first row
     * of coefficients is non-zero.
     */
    static void subtractRowTransform(int[] pred, int p, int[] out, int o) {
        int v0 = pred[p];
        int v1 = pred[p + 1];
        int v2 = pred[p + 2];
        int v3 = pred[p + 3];
        // the first pass of each row, times four rows, through the second pass's DC: (4 * r + 4096) >> 13
        out[o] -= (((v0 + v3 + v1 + v2) << 12) + 1024) >> 11;
        out[o + 1] -= (2217 * (v1 - v2) + 5352 * (v0 - v3) + 1024) >> 11;
        out[o + 2] -= (((v0 + v3 - v1 - v2) << 12) + 1024) >> 11;
        out[o + 3] -= (2217 * (v0 - v3) - 5352 * (v1 - v2) + 1024) >> 11;
    }

    /**
     * Subtracts the transform of a 4x4 block (stride 4 at {@code p}) whose rows are each flat: only its first
     * column of coefficients is non-zero.
     */
    static void subtractColumnTransform(int[] pred, int p, int[] out, int o) {
        // a flat row's first pass is 4 * value << 12 in its first column and 0 elsewhere
        int t0 = pred[p] << 14;
        int t1 = pred[p + 4] << 14;
        int t2 = pred[p + 8] << 14;
        int t3 = pred[p + 12] << 14;
        int a = t0 + t3;
        int b = t1 + t2;
        long c = t1 - t2;
        long d = t0 - t3;
        out[o] -= (a + b + 4096) >> 13;
        out[o + 8] -= (a - b + 4096) >> 13;
        out[o + 4] -= (int) ((c * 2217 + d * 5352 + (1 << 24)) >> 25);
        out[o + 12] -= (int) ((d * 2217 - c * 5352 + (1 << 24)) >> 25);
    }

    /**
     * The second pass on one column of the first pass, whose values are 512 times the usual VP8 first pass
     * (the row rotations kept unshifted); output scale: twice an orthonormal DCT.
     */
    private static void column(int t0, int t1, int t2, int t3, int[] out, int o) {
        int a = t0 + t3;
        int b = t1 + t2;
        long c = t1 - t2;
        long d = t0 - t3;
        out[o] = (a + b + 4096) >> 13;
        out[o + 8] = (a - b + 4096) >> 13;
        out[o + 4] = (int) ((c * 2217 + d * 5352 + (1 << 24)) >> 25);
        out[o + 12] = (int) ((d * 2217 - c * 5352 + (1 << 24)) >> 25);
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
