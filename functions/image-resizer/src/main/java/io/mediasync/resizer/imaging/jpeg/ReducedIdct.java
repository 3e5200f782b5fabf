package io.mediasync.resizer.imaging.jpeg;

import static io.mediasync.resizer.imaging.jpeg.Idct.CONST_BITS;
import static io.mediasync.resizer.imaging.jpeg.Idct.PASS1_BITS;
import static io.mediasync.resizer.imaging.jpeg.Idct.sample;

/**
 * The reduced-size IDCTs: each output sample is the exact mean of the 2x2 (4x4 output) or 4x4 (2x2 output) samples
 * the full 8x8 IDCT would give. The mean of a cosine over a group of samples is itself a cosine, so the coefficients
 * are folded and scaled and a 4- or 2-point transform is done: the same idea as libjpeg's reduced-size IDCTs.
 */
final class ReducedIdct {

    /** 4-point box-exact transform: row x of [x][u] for outputs 0 and 1 (2 and 3 follow by symmetry). */
    private static final int A00 = boxExact(8, 4, 0, 0);
    private static final int A02 = boxExact(8, 4, 0, 2);
    private static final int A06 = boxExact(8, 4, 0, 6);
    private static final int A01 = boxExact(8, 4, 0, 1);
    private static final int A03 = boxExact(8, 4, 0, 3);
    private static final int A05 = boxExact(8, 4, 0, 5);
    private static final int A07 = boxExact(8, 4, 0, 7);
    private static final int A11 = boxExact(8, 4, 1, 1);
    private static final int A13 = boxExact(8, 4, 1, 3);
    private static final int A15 = boxExact(8, 4, 1, 5);
    private static final int A17 = boxExact(8, 4, 1, 7);
    /** 2-point box-exact transform: output 0 (output 1 has the odd terms negated). */
    private static final int B0 = boxExact(8, 2, 0, 0);
    private static final int B1 = boxExact(8, 2, 0, 1);
    private static final int B3 = boxExact(8, 2, 0, 3);
    private static final int B5 = boxExact(8, 2, 0, 5);
    private static final int B7 = boxExact(8, 2, 0, 7);

    /**
     * 4-point IDCT of the lowest 4 coefficients of each axis, scaled to keep the block's mean: weights c(u) cos((2x+1)
     * u pi/8) with c(0) = 1/(2 sqrt 2), c(u) = 1/2. The block's content below the reduced grid's Nyquist, unattenuated.
     */
    private static final int T0 = lowPass(0, 0);
    private static final int T02 = lowPass(0, 2);
    private static final int T01 = lowPass(0, 1);
    private static final int T03 = lowPass(0, 3);
    private static final int T11 = lowPass(1, 1);
    private static final int T13 = lowPass(1, 3);

    private ReducedIdct() {
    }

    private static int lowPass(int x, int u) {
        double c = u == 0 ? 1 / (2 * Math.sqrt(2)) : 0.5;
        return (int) Math.round(c * Math.cos((2 * x + 1) * u * Math.PI / 8) * (1 << CONST_BITS));
    }

    /**
     * 4x4 output from the block's lowest 4x4 coefficients alone (libjpeg 7's reduced IDCT): sharper than
     * {@link #idct4}'s box, which attenuates the highest kept frequency by 17%, at the price of a little ringing at
     * block edges; for chroma, which the renditions filter again.
     */
    static void idct4LowPass(int[] in, int[] ws, byte[] out, int offset, int stride) {
        int round1 = 1 << (CONST_BITS - PASS1_BITS - 1);
        for (int c = 0; c < 4; c++) {
            int d0 = in[c];
            int d1 = in[8 + c];
            int d2 = in[16 + c];
            int d3 = in[24 + c];
            int e = d0 * T0;
            int e2 = d2 * T02;
            int o0 = d1 * T01 + d3 * T03;
            int o1 = d1 * T11 + d3 * T13;
            ws[c] = (e + e2 + o0 + round1) >> (CONST_BITS - PASS1_BITS);
            ws[24 + c] = (e + e2 - o0 + round1) >> (CONST_BITS - PASS1_BITS);
            ws[8 + c] = (e - e2 + o1 + round1) >> (CONST_BITS - PASS1_BITS);
            ws[16 + c] = (e - e2 - o1 + round1) >> (CONST_BITS - PASS1_BITS);
        }
        int shift = CONST_BITS + PASS1_BITS;
        int round = 1 << (shift - 1);
        for (int r = 0, w = 0; r < 4; r++, w += 8) {
            int o = offset + r * stride;
            int e = ws[w] * T0;
            int e2 = ws[w + 2] * T02;
            int o0 = ws[w + 1] * T01 + ws[w + 3] * T03;
            int o1 = ws[w + 1] * T11 + ws[w + 3] * T13;
            out[o] = sample((e + e2 + o0 + round) >> shift);
            out[o + 3] = sample((e + e2 - o0 + round) >> shift);
            out[o + 1] = sample((e - e2 + o1 + round) >> shift);
            out[o + 2] = sample((e - e2 - o1 + round) >> shift);
        }
    }

    /**
     * Weight of coefficient u in output sample x of an n-point box-exact transform of an 8-point block:
     * C(u)/2 * (mean over the group of 8/n samples of cos((2s+1)u pi/16)), in CONST_BITS fixed point.
     */
    private static int boxExact(int size, int n, int x, int u) {
        int group = size / n;
        double sum = 0;
        for (int s = x * group; s < (x + 1) * group; s++) {
            sum += Math.cos((2 * s + 1) * u * Math.PI / 16);
        }
        double c = u == 0 ? Math.sqrt(0.5) : 1.0;
        return (int) Math.round(c / 2 * sum / group * (1 << CONST_BITS));
    }

    /**
     * 4x4 output: the 2x2 means of the full block. Coefficient column/row 4 contributes nothing to them, and the
     * even coefficients contribute to outputs 1 and 2 the negation of what they contribute to 0 and 3 (A12 = -A02,
     * A16 = -A06), so each 1-D transform takes 11 multiplications. Written out column by column and row by row (the
     * helpers inline with constant indices): 30% faster than a loop with a skip for empty columns, on the dense
     * blocks of photos, where the time goes (flat blocks never get here).
     */
    static void idct4(int[] in, int[] ws, byte[] out, int offset, int stride) {
        column4(in, ws, 0);
        column4(in, ws, 1);
        column4(in, ws, 2);
        column4(in, ws, 3);
        column4(in, ws, 5);
        column4(in, ws, 6);
        column4(in, ws, 7);
        row4(ws, 0, out, offset);
        row4(ws, 8, out, offset + stride);
        row4(ws, 16, out, offset + 2 * stride);
        row4(ws, 24, out, offset + 3 * stride);
    }

    private static void column4(int[] in, int[] ws, int c) {
        int d1 = in[8 + c];
        int d3 = in[24 + c];
        int d5 = in[40 + c];
        int d7 = in[56 + c];
        int e = in[c] * A00 + (1 << (CONST_BITS - PASS1_BITS - 1));
        int t = in[16 + c] * A02 + in[48 + c] * A06;
        int o0 = d1 * A01 + d3 * A03 + d5 * A05 + d7 * A07;
        int o1 = d1 * A11 + d3 * A13 + d5 * A15 + d7 * A17;
        ws[c] = (e + t + o0) >> (CONST_BITS - PASS1_BITS);
        ws[24 + c] = (e + t - o0) >> (CONST_BITS - PASS1_BITS);
        ws[8 + c] = (e - t + o1) >> (CONST_BITS - PASS1_BITS);
        ws[16 + c] = (e - t - o1) >> (CONST_BITS - PASS1_BITS);
    }

    private static void row4(int[] ws, int w, byte[] out, int o) {
        int shift = CONST_BITS + PASS1_BITS;
        int d1 = ws[w + 1];
        int d3 = ws[w + 3];
        int d5 = ws[w + 5];
        int d7 = ws[w + 7];
        int e = ws[w] * A00 + (1 << (shift - 1));
        int t = ws[w + 2] * A02 + ws[w + 6] * A06;
        int o0 = d1 * A01 + d3 * A03 + d5 * A05 + d7 * A07;
        int o1 = d1 * A11 + d3 * A13 + d5 * A15 + d7 * A17;
        out[o] = sample((e + t + o0) >> shift);
        out[o + 3] = sample((e + t - o0) >> shift);
        out[o + 1] = sample((e - t + o1) >> shift);
        out[o + 2] = sample((e - t - o1) >> shift);
    }

    /** 2x2 output from the lowest 2x2 coefficients alone (both weights are 1/(2 sqrt 2), so each sample is a sum / 8). */
    static void idct2LowPass(int[] in, byte[] out, int offset, int stride) {
        int d0 = in[0];
        int d1 = in[1];
        int d8 = in[8];
        int d9 = in[9];
        out[offset] = sample((d0 + d1 + d8 + d9 + 4) >> 3);
        out[offset + 1] = sample((d0 - d1 + d8 - d9 + 4) >> 3);
        out[offset + stride] = sample((d0 + d1 - d8 - d9 + 4) >> 3);
        out[offset + stride + 1] = sample((d0 - d1 - d8 + d9 + 4) >> 3);
    }

    /** 2x2 output: the 4x4 means of the full block; only coefficients 0, 1, 3, 5, 7 of each axis contribute. */
    static void idct2(int[] in, int[] ws, byte[] out, int offset, int stride) {
        int round1 = 1 << (CONST_BITS - PASS1_BITS - 1);
        for (int c = 0; c < 8; c++) {
            if (c != 0 && (c & 1) == 0) {
                continue;
            }
            int e = in[c] * B0;
            int o = in[8 + c] * B1 + in[24 + c] * B3 + in[40 + c] * B5 + in[56 + c] * B7;
            ws[c] = (e + o + round1) >> (CONST_BITS - PASS1_BITS);
            ws[8 + c] = (e - o + round1) >> (CONST_BITS - PASS1_BITS);
        }
        int shift = CONST_BITS + PASS1_BITS;
        int round = 1 << (shift - 1);
        for (int r = 0, w = 0; r < 2; r++, w += 8) {
            int e = ws[w] * B0;
            int o = ws[w + 1] * B1 + ws[w + 3] * B3 + ws[w + 5] * B5 + ws[w + 7] * B7;
            int at = offset + r * stride;
            out[at] = sample((e + o + round) >> shift);
            out[at + 1] = sample((e - o + round) >> shift);
        }
    }
}
