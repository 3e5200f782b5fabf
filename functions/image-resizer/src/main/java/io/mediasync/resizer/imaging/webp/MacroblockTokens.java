package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * The token order and contexts of a macroblock (RFC 6386 13.3): Y2 first when the luma is predicted whole, then
 * the 16 luma blocks, 4 U, 4 V, each in the context of its neighbours above and to the left. The non-zero flags
 * travel in nine entries per side (4 luma, 2 U, 2 V, Y2); Y2's are only touched by macroblocks that have one.
 */
final class MacroblockTokens {

    static final int CONTEXTS = 9;

    private MacroblockTokens() {
    }

    /** Codes the 400 levels at {@code levels[off]}, updating the flags above (at {@code t}) and to the left. */
    static void code(TokenSink sink, int[] levels, int off, boolean hasY2, int[] topNz, int t, int[] leftNz) {
        int type = TokenCoder.Y_WITH_DC;
        int first = 0;
        if (hasY2) {
            int nz = TokenCoder.code(sink, TokenCoder.Y2, topNz[t + 8] + leftNz[8], levels, off + 384, 0);
            topNz[t + 8] = leftNz[8] = nz;
            type = TokenCoder.Y_AFTER_Y2;
            first = 1;
        }
        for (int b = 0; b < 16; b++) {
            int x = b & 3;
            int y = b >> 2;
            int nz = TokenCoder.code(sink, type, topNz[t + x] + leftNz[y], levels, off + b * 16, first);
            topNz[t + x] = leftNz[y] = nz;
        }
        for (int b = 0; b < 8; b++) {
            int x = 4 + (b & 4) / 2 + (b & 1);
            int y = 4 + (b & 4) / 2 + ((b >> 1) & 1);
            int nz = TokenCoder.code(sink, TokenCoder.CHROMA, topNz[t + x] + leftNz[y], levels, off + 256 + b * 16, 0);
            topNz[t + x] = leftNz[y] = nz;
        }
    }

    /** What a skipped macroblock (no tokens at all) leaves as context: nothing non-zero. */
    static void skip(boolean hasY2, int[] topNz, int t, int[] leftNz) {
        Arrays.fill(topNz, t, t + 8, 0);
        Arrays.fill(leftNz, 0, 8, 0);
        if (hasY2) {
            topNz[t + 8] = leftNz[8] = 0;
        }
    }
}
