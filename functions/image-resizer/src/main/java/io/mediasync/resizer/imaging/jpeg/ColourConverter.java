package io.mediasync.resizer.imaging.jpeg;

/**
 * One row of component samples to output pixels. YCbCr uses the JFIF equations in libjpeg's 16-bit fixed point
 * (so full-size output matches ImageIO's); the outputs are B, G, R bytes, or C, M, Y, K for the four-component
 * kinds, inverted as TwelveMonkeys' reader does before its colour management.
 */
public final class ColourConverter {

    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int CR_R = fix(1.40200);
    private static final int CB_B = fix(1.77200);
    private static final int CR_G = fix(0.71414);
    private static final int CB_G = fix(0.34414);

    private ColourConverter() {
    }

    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }

    /** 0..255, branch-free: out-of-range values become 0 (negative) or 255. */
    private static byte clamp(int v) {
        return (byte) ((v & ~0xFF) == 0 ? v : ~v >> 31);
    }

    public static void ycc(byte[] y, int yo, byte[] cb, int cbo, byte[] cr, int cro, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            int luma = y[yo + x] & 0xFF;
            int blue = (cb[cbo + x] & 0xFF) - 128;
            int red = (cr[cro + x] & 0xFF) - 128;
            out[o] = clamp(luma + ((CB_B * blue + ONE_HALF) >> SCALE_BITS));
            out[o + 1] = clamp(luma + ((ONE_HALF - CB_G * blue - CR_G * red) >> SCALE_BITS));
            out[o + 2] = clamp(luma + ((CR_R * red + ONE_HALF) >> SCALE_BITS));
        }
    }

    static void rgb(byte[] r, int ro, byte[] g, int go, byte[] b, int bo, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            out[o] = b[bo + x];
            out[o + 1] = g[go + x];
            out[o + 2] = r[ro + x];
        }
    }

    public static void gray(byte[] y, int yo, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            byte v = y[yo + x];
            out[o] = v;
            out[o + 1] = v;
            out[o + 2] = v;
        }
    }

    /** Adobe CMYK is stored inverted. */
    static void cmyk(byte[][] rows, int[] offsets, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 4) {
            for (int c = 0; c < 4; c++) {
                out[o + c] = (byte) ~rows[c][offsets[c] + x];
            }
        }
    }

    /** YCC to (inverted) CMY as if it were RGB, K inverted back: TwelveMonkeys' convention. */
    static void ycck(byte[][] rows, int[] offsets, byte[] out, int o, int width) {
        byte[] y = rows[0];
        byte[] cb = rows[1];
        byte[] cr = rows[2];
        byte[] k = rows[3];
        for (int x = 0; x < width; x++, o += 4) {
            int luma = y[offsets[0] + x] & 0xFF;
            int blue = (cb[offsets[1] + x] & 0xFF) - 128;
            int red = (cr[offsets[2] + x] & 0xFF) - 128;
            out[o] = clamp(luma + ((CR_R * red + ONE_HALF) >> SCALE_BITS));
            out[o + 1] = clamp(luma + ((ONE_HALF - CB_G * blue - CR_G * red) >> SCALE_BITS));
            out[o + 2] = clamp(luma + ((CB_B * blue + ONE_HALF) >> SCALE_BITS));
            out[o + 3] = (byte) ~k[offsets[3] + x];
        }
    }
}
