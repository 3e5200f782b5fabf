package io.mediasync.resizer.imaging.jpeg;

/**
 * Integer inverse DCTs from dequantised coefficients (natural order) to 8-bit samples.
 * <ul>
 * <li>8x8: the Loeffler-Ligtenberg-Moschytz factorisation with 13-bit constants and 2 extra bits between the passes,
 *     libjpeg's "islow" method, the one ImageIO's decoder uses, so full-size output matches it.</li>
 * <li>4x4, 2x2 ({@link ReducedIdct}), 1x1: each output sample is the exact mean of the 2x2, 4x4 or 8x8 samples
 *     the full IDCT would give. Decoding at 1/n scale gives what a full decode followed by an n x n box average
 *     gives, for a fraction of the work. Or, for chroma decoded to planes, the block's lowest frequencies alone.</li>
 * </ul>
 * Columns whose AC coefficients are all zero, and blocks with only a DC coefficient, take short cuts: they are most
 * of the blocks of flat artwork.
 */
final class Idct {

    static final int CONST_BITS = 13;
    static final int PASS1_BITS = 2;

    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    /** Sample clamp, indexed by (value + 512) & 1023 so that any int (even from corrupt data) stays in bounds. */
    private static final byte[] RANGE = new byte[1024];

    static {
        for (int i = 0; i < RANGE.length; i++) {
            RANGE[i] = (byte) Math.max(0, Math.min(255, i - 384));
        }
    }

    private Idct() {
    }

    /** The sample for a descaled value centred on 0. */
    static byte sample(int centred) {
        return RANGE[(centred + 128 + 384) & 1023];
    }

    /** A block whose only non-zero coefficient is the DC: one flat value (the mean of the block). */
    static void flat(int dc, int size, byte[] out, int offset, int stride) {
        byte value = sample((dc + 4) >> 3);
        for (int y = 0; y < size; y++) {
            int o = offset + y * stride;
            for (int x = 0; x < size; x++) {
                out[o + x] = value;
            }
        }
    }

    /** The block of component {@code c} at its {@link Component#scaledSize}. */
    static void idct(Component c, int[] in, int[] ws, byte[] out, int offset, int stride) {
        switch (c.scaledSize) {
            case 8 -> idct8(in, ws, out, offset, stride);
            case 4 -> {
                if (c.lowPass) {
                    ReducedIdct.idct4LowPass(in, ws, out, offset, stride);
                } else {
                    ReducedIdct.idct4(in, ws, out, offset, stride);
                }
            }
            case 2 -> {
                if (c.lowPass) {
                    ReducedIdct.idct2LowPass(in, out, offset, stride);
                } else {
                    ReducedIdct.idct2(in, ws, out, offset, stride);
                }
            }
            default -> out[offset] = sample((in[0] + 4) >> 3);
        }
    }

    /**
     * The column and row passes share the butterfly; each is a helper called with constant indices, which the
     * compiler inlines into straight-line code (faster than loops over the columns and rows).
     */
    static void idct8(int[] in, int[] ws, byte[] out, int offset, int stride) {
        column8(in, ws, 0);
        column8(in, ws, 1);
        column8(in, ws, 2);
        column8(in, ws, 3);
        column8(in, ws, 4);
        column8(in, ws, 5);
        column8(in, ws, 6);
        column8(in, ws, 7);
        row8(ws, 0, out, offset);
        row8(ws, 8, out, offset + stride);
        row8(ws, 16, out, offset + 2 * stride);
        row8(ws, 24, out, offset + 3 * stride);
        row8(ws, 32, out, offset + 4 * stride);
        row8(ws, 40, out, offset + 5 * stride);
        row8(ws, 48, out, offset + 6 * stride);
        row8(ws, 56, out, offset + 7 * stride);
    }

    private static void column8(int[] in, int[] ws, int c) {
        int d0 = in[c];
        int d1 = in[8 + c];
        int d2 = in[16 + c];
        int d3 = in[24 + c];
        int d4 = in[32 + c];
        int d5 = in[40 + c];
        int d6 = in[48 + c];
        int d7 = in[56 + c];
        if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) { // the common empty column: its DC throughout
            int dc = d0 << PASS1_BITS;
            ws[c] = dc;
            ws[8 + c] = dc;
            ws[16 + c] = dc;
            ws[24 + c] = dc;
            ws[32 + c] = dc;
            ws[40 + c] = dc;
            ws[48 + c] = dc;
            ws[56 + c] = dc;
            return;
        }
        int z1 = (d2 + d6) * FIX_0_541196100;
        int tmp2 = z1 - d6 * FIX_1_847759065;
        int tmp3 = z1 + d2 * FIX_0_765366865;
        int tmp0 = (d0 + d4) << CONST_BITS;
        int tmp1 = (d0 - d4) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;

        z1 = d7 + d1;
        int z2 = d5 + d3;
        int z3 = d7 + d3;
        int z4 = d5 + d1;
        int z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 = d7 * FIX_0_298631336;
        tmp1 = d5 * FIX_2_053119869;
        tmp2 = d3 * FIX_3_072711026;
        tmp3 = d1 * FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 = z3 * -FIX_1_961570560 + z5;
        z4 = z4 * -FIX_0_390180644 + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        int round = 1 << (CONST_BITS - PASS1_BITS - 1);
        ws[c] = (tmp10 + tmp3 + round) >> (CONST_BITS - PASS1_BITS);
        ws[56 + c] = (tmp10 - tmp3 + round) >> (CONST_BITS - PASS1_BITS);
        ws[8 + c] = (tmp11 + tmp2 + round) >> (CONST_BITS - PASS1_BITS);
        ws[48 + c] = (tmp11 - tmp2 + round) >> (CONST_BITS - PASS1_BITS);
        ws[16 + c] = (tmp12 + tmp1 + round) >> (CONST_BITS - PASS1_BITS);
        ws[40 + c] = (tmp12 - tmp1 + round) >> (CONST_BITS - PASS1_BITS);
        ws[24 + c] = (tmp13 + tmp0 + round) >> (CONST_BITS - PASS1_BITS);
        ws[32 + c] = (tmp13 - tmp0 + round) >> (CONST_BITS - PASS1_BITS);
    }

    private static void row8(int[] ws, int w, byte[] out, int o) {
        int shift = CONST_BITS + PASS1_BITS + 3;
        int round = 1 << (shift - 1);
        int d0 = ws[w];
        int d1 = ws[w + 1];
        int d2 = ws[w + 2];
        int d3 = ws[w + 3];
        int d4 = ws[w + 4];
        int d5 = ws[w + 5];
        int d6 = ws[w + 6];
        int d7 = ws[w + 7];
        if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
            byte v = sample((d0 + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
            for (int x = 0; x < 8; x++) {
                out[o + x] = v;
            }
            return;
        }
        int z1 = (d2 + d6) * FIX_0_541196100;
        int tmp2 = z1 - d6 * FIX_1_847759065;
        int tmp3 = z1 + d2 * FIX_0_765366865;
        int tmp0 = (d0 + d4) << CONST_BITS;
        int tmp1 = (d0 - d4) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;

        z1 = d7 + d1;
        int z2 = d5 + d3;
        int z3 = d7 + d3;
        int z4 = d5 + d1;
        int z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 = d7 * FIX_0_298631336;
        tmp1 = d5 * FIX_2_053119869;
        tmp2 = d3 * FIX_3_072711026;
        tmp3 = d1 * FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 = z3 * -FIX_1_961570560 + z5;
        z4 = z4 * -FIX_0_390180644 + z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        out[o] = sample((tmp10 + tmp3 + round) >> shift);
        out[o + 7] = sample((tmp10 - tmp3 + round) >> shift);
        out[o + 1] = sample((tmp11 + tmp2 + round) >> shift);
        out[o + 6] = sample((tmp11 - tmp2 + round) >> shift);
        out[o + 2] = sample((tmp12 + tmp1 + round) >> shift);
        out[o + 5] = sample((tmp12 - tmp1 + round) >> shift);
        out[o + 3] = sample((tmp13 + tmp0 + round) >> shift);
        out[o + 4] = sample((tmp13 - tmp0 + round) >> shift);
    }
}
