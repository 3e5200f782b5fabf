package io.mediasync.resizer.imaging.webp;

/**
 * The intra predictions of RFC 6386 chapter 12: for the whole-block modes their errors first (to rank them) and
 * the predictions of those tried; the ten 4x4 ones all at once. Edges come in with the frame-border values already in place (127 above the frame, 129 left of it), so only
 * the DC modes need to know whether a neighbour exists.
 */
final class IntraPredictor {

    private IntraPredictor() {
    }

    /**
     * Each whole-block luma mode's squared error against {@code src} (stride 16) into {@code errors[mode]}.
     *
     * @param top  top-left pixel, then the 16 above
     * @param left the 16 pixels to the left
     */
    static void lumaErrors(int[] top, int[] left, boolean hasTop, boolean hasLeft, int[] src, long[] errors) {
        java.util.Arrays.fill(errors, 0);
        errors(top, left, 16, dc(top, left, 16, hasTop, hasLeft), src, 0, errors);
    }

    /** Each chroma mode's squared error against {@code src} (U and V side by side, stride 16), U's and V's summed. */
    static void chromaErrors(int[] uTop, int[] uLeft, int[] vTop, int[] vLeft, boolean hasTop, boolean hasLeft,
                             int[] src, long[] errors) {
        java.util.Arrays.fill(errors, 0);
        errors(uTop, uLeft, 8, dc(uTop, uLeft, 8, hasTop, hasLeft), src, 0, errors);
        errors(vTop, vLeft, 8, dc(vTop, vLeft, 8, hasTop, hasLeft), src, 8, errors);
    }

    /** Luma mode {@code mode}'s prediction into {@code out[mode * 256 ..]}, stride 16. */
    static void luma(int mode, int[] top, int[] left, boolean hasTop, boolean hasLeft, int[] out) {
        fill(mode, top, left, 16, dc(top, left, 16, hasTop, hasLeft), out, mode * 256);
    }

    /** Chroma mode {@code mode}'s predictions of U and V into {@code out[mode * 128 ..]}, stride 16, V at x 8. */
    static void chroma(int mode, int[] uTop, int[] uLeft, int[] vTop, int[] vLeft, boolean hasTop, boolean hasLeft,
                       int[] out) {
        fill(mode, uTop, uLeft, 8, dc(uTop, uLeft, 8, hasTop, hasLeft), out, mode * 128);
        fill(mode, vTop, vLeft, 8, dc(vTop, vLeft, 8, hasTop, hasLeft), out, mode * 128 + 8);
    }

    /** The DC prediction: the mean of the edges the block has, 128 with neither. */
    private static int dc(int[] top, int[] left, int size, boolean hasTop, boolean hasLeft) {
        int shift = size == 16 ? 4 : 3;
        int sum = 0;
        for (int i = 0; i < size; i++) {
            sum += (hasTop ? top[1 + i] : 0) + (hasLeft ? left[i] : 0);
        }
        if (hasTop && hasLeft) {
            return (sum + size) >> (shift + 1);
        }
        return hasTop || hasLeft ? (sum + (size >> 1)) >> shift : 128;
    }

    /**
     * The errors of DC, V and H follow from sums of the source (all its squares, its rows, its columns) and the
     * edges; TM's clamped prediction takes a pass over the pixels. Row by row, in ints (a 16x16 block's sums of
     * squares stay below 2^24), so the inner loop runs straight along memory.
     */
    private static void errors(int[] top, int[] left, int size, int dc, int[] src, int o, long[] errors) {
        int topLeft = top[0];
        int squares = 0;
        int sum = 0;
        int tm = 0;
        int vertical = 0;
        int horizontal = 0;
        int topSquares = 0;
        int leftSquares = 0;
        for (int y = 0; y < size; y++) {
            int l = left[y];
            int base = l - topLeft;
            int row = 0;
            for (int x = 0, i = o + y * 16; x < size; x++, i++) {
                int s = src[i];
                int above = top[1 + x];
                row += s;
                squares += s * s;
                vertical += above * s;
                int d = s - Transforms.clamp(base + above);
                tm += d * d;
            }
            sum += row;
            horizontal += l * row;
            leftSquares += l * l;
        }
        for (int x = 0; x < size; x++) {
            topSquares += top[1 + x] * top[1 + x];
        }
        errors[IntraModes.DC] += squares - 2L * dc * sum + (long) size * size * dc * dc;
        errors[IntraModes.V] += squares - 2L * vertical + (long) size * topSquares;
        errors[IntraModes.H] += squares - 2L * horizontal + (long) size * leftSquares;
        errors[IntraModes.TM] += tm;
    }

    /** One mode of a size x size block at {@code out[o]}, stride 16. */
    private static void fill(int mode, int[] top, int[] left, int size, int dc, int[] out, int o) {
        int topLeft = top[0];
        // one loop per mode: a switch inside the pixel loop would be decided 256 times over
        for (int y = 0, row = o; y < size; y++, row += 16) {
            switch (mode) {
                case IntraModes.DC -> java.util.Arrays.fill(out, row, row + size, dc);
                case IntraModes.V -> System.arraycopy(top, 1, out, row, size);
                case IntraModes.H -> java.util.Arrays.fill(out, row, row + size, left[y]);
                default -> {
                    int base = left[y] - topLeft;
                    for (int x = 0; x < size; x++) {
                        out[row + x] = Transforms.clamp(base + top[1 + x]);
                    }
                }
            }
        }
    }

    /**
     * The ten 4x4 predictions into {@code out[mode * 16 ..]}, stride 4.
     *
     * @param e the edge: {@code e[0..3]} the left pixels bottom to top, {@code e[4]} the top-left, {@code e[5..12]}
     *          the 8 above (the last 4 above-right), so every diagonal mode reads one straight line of pixels
     */
    static void sub4(int[] e, int[] out) {
        int p = e[4];
        int dc = (e[0] + e[1] + e[2] + e[3] + e[5] + e[6] + e[7] + e[8] + 4) >> 3;
        for (int r = 0; r < 4; r++) {
            int left = e[3 - r];
            int horizontal = avg3(e[4 - r], left, r == 3 ? left : e[2 - r]);
            for (int c = 0; c < 4; c++) {
                int i = r * 4 + c;
                out[IntraModes.B_DC * 16 + i] = dc;
                out[IntraModes.B_TM * 16 + i] = Transforms.clamp(left + e[5 + c] - p);
                out[IntraModes.B_VE * 16 + i] = avg3(e[4 + c], e[5 + c], e[6 + c]);
                out[IntraModes.B_HE * 16 + i] = horizontal;
                // down-left: the anti-diagonal r + c along the above row, the last pixel repeated
                int k = r + c;
                out[IntraModes.B_LD * 16 + i] = avg3(e[5 + k], e[6 + k], e[k == 6 ? 12 : 7 + k]);
                // down-right: the diagonal c - r along left, corner and above
                out[IntraModes.B_RD * 16 + i] = avg3(e[3 + c - r], e[4 + c - r], e[5 + c - r]);
            }
        }
        sub4Oblique(e, out);
    }

    /** The four modes at half-pixel angles (VR, VL, HD, HU), pixel by pixel as RFC 6386 12.3 lists them. */
    private static void sub4Oblique(int[] e, int[] out) {
        int l3 = e[0], l2 = e[1], l1 = e[2], l0 = e[3], p = e[4];
        int a0 = e[5], a1 = e[6], a2 = e[7], a3 = e[8], a4 = e[9], a5 = e[10], a6 = e[11], a7 = e[12];
        int vr = IntraModes.B_VR * 16;
        out[vr + 12] = avg3(l2, l1, l0);
        out[vr + 8] = avg3(l1, l0, p);
        out[vr + 13] = out[vr + 4] = avg3(l0, p, a0);
        out[vr + 9] = out[vr] = avg2(p, a0);
        out[vr + 14] = out[vr + 5] = avg3(p, a0, a1);
        out[vr + 10] = out[vr + 1] = avg2(a0, a1);
        out[vr + 15] = out[vr + 6] = avg3(a0, a1, a2);
        out[vr + 11] = out[vr + 2] = avg2(a1, a2);
        out[vr + 7] = avg3(a1, a2, a3);
        out[vr + 3] = avg2(a2, a3);
        int vl = IntraModes.B_VL * 16;
        out[vl] = avg2(a0, a1);
        out[vl + 4] = avg3(a0, a1, a2);
        out[vl + 8] = out[vl + 1] = avg2(a1, a2);
        out[vl + 5] = out[vl + 12] = avg3(a1, a2, a3);
        out[vl + 9] = out[vl + 2] = avg2(a2, a3);
        out[vl + 13] = out[vl + 6] = avg3(a2, a3, a4);
        out[vl + 10] = out[vl + 3] = avg2(a3, a4);
        out[vl + 14] = out[vl + 7] = avg3(a3, a4, a5);
        out[vl + 11] = avg3(a4, a5, a6);
        out[vl + 15] = avg3(a5, a6, a7);
        int hd = IntraModes.B_HD * 16;
        out[hd + 12] = avg2(l3, l2);
        out[hd + 13] = avg3(l3, l2, l1);
        out[hd + 8] = out[hd + 14] = avg2(l2, l1);
        out[hd + 9] = out[hd + 15] = avg3(l2, l1, l0);
        out[hd + 10] = out[hd + 4] = avg2(l1, l0);
        out[hd + 11] = out[hd + 5] = avg3(l1, l0, p);
        out[hd + 6] = out[hd] = avg2(l0, p);
        out[hd + 7] = out[hd + 1] = avg3(l0, p, a0);
        out[hd + 2] = avg3(p, a0, a1);
        out[hd + 3] = avg3(a0, a1, a2);
        int hu = IntraModes.B_HU * 16;
        out[hu] = avg2(l0, l1);
        out[hu + 1] = avg3(l0, l1, l2);
        out[hu + 2] = out[hu + 4] = avg2(l1, l2);
        out[hu + 3] = out[hu + 5] = avg3(l1, l2, l3);
        out[hu + 6] = out[hu + 8] = avg2(l2, l3);
        out[hu + 7] = out[hu + 9] = avg3(l2, l3, l3);
        out[hu + 10] = out[hu + 11] = out[hu + 12] = out[hu + 13] = out[hu + 14] = out[hu + 15] = l3;
    }

    private static int avg2(int a, int b) {
        return (a + b + 1) >> 1;
    }

    private static int avg3(int a, int b, int c) {
        return (a + 2 * b + c + 2) >> 2;
    }
}
