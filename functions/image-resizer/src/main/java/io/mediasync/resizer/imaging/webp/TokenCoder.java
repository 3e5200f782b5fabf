package io.mediasync.resizer.imaging.webp;

/**
 * The coefficient tokens of one 4x4 block (RFC 6386 13.2 to 13.3): for each coefficient in coding order the
 * branches of the token tree, then the sign; an end-of-block after the last non-zero one, except after a zero
 * (which the syntax rules out) or at position 16.
 */
final class TokenCoder {

    /** Block types, as the RFC numbers them: they select a quarter of the coefficient probabilities. */
    static final int Y_AFTER_Y2 = 0;
    static final int Y2 = 1;
    static final int CHROMA = 2;
    static final int Y_WITH_DC = 3;

    private TokenCoder() {
    }

    /**
     * Codes {@code levels[off + first .. off + 15]} (coding order) in context {@code ctx} (how many of the blocks
     * above and to the left have a non-zero coefficient).
     *
     * @return 1 if the block has a non-zero coefficient, the context it gives its neighbours
     */
    static int code(TokenSink sink, int type, int ctx, int[] levels, int off, int first) {
        int last = 15;
        while (last >= first && levels[off + last] == 0) {
            last--;
        }
        int n = first;
        int base = CoefficientProbabilities.index(type, Vp8Tables.BANDS[n], ctx);
        if (last < first) {
            sink.adaptive(0, base);
            return 0;
        }
        sink.adaptive(1, base);
        while (true) {
            int level = levels[off + n];
            int magnitude = level < 0 ? -level : level;
            n++;
            if (magnitude == 0) {
                sink.adaptive(0, base + 1);
                base = CoefficientProbabilities.index(type, Vp8Tables.BANDS[n], 0);
                continue; // no end-of-block can follow a zero
            }
            sink.adaptive(1, base + 1);
            if (magnitude == 1) {
                sink.adaptive(0, base + 2);
            } else {
                sink.adaptive(1, base + 2);
                large(sink, magnitude, base);
            }
            sink.fixed(level < 0 ? 1 : 0, 128);
            if (n == 16) {
                return 1;
            }
            base = CoefficientProbabilities.index(type, Vp8Tables.BANDS[n], magnitude == 1 ? 1 : 2);
            if (n > last) {
                sink.adaptive(0, base);
                return 1;
            }
            sink.adaptive(1, base);
        }
    }

    /** The branches below "larger than one": 2, 3, 4, then the six categories with their extra bits. */
    private static void large(TokenSink sink, int magnitude, int base) {
        if (magnitude <= 4) {
            sink.adaptive(0, base + 3);
            if (magnitude == 2) {
                sink.adaptive(0, base + 4);
            } else {
                sink.adaptive(1, base + 4);
                sink.adaptive(magnitude == 4 ? 1 : 0, base + 5);
            }
            return;
        }
        sink.adaptive(1, base + 3);
        int category = category(magnitude);
        if (category < 2) {
            sink.adaptive(0, base + 6);
            sink.adaptive(category, base + 7);
        } else {
            sink.adaptive(1, base + 6);
            sink.adaptive(category >> 2, base + 8);
            sink.adaptive(category & 1, base + 9 + (category >> 2));
        }
        int extra = magnitude - Vp8Tables.CATEGORY_BASE[category];
        int[] probabilities = Vp8Tables.CATEGORY_PROBS[category];
        for (int b = probabilities.length - 1, i = 0; b >= 0; b--, i++) {
            sink.fixed((extra >> b) & 1, probabilities[i]);
        }
    }

    /** DCT_CAT1..DCT_CAT6 as 0..5, for a magnitude of at least 5. */
    static int category(int magnitude) {
        return magnitude <= 6 ? 0 : magnitude <= 10 ? 1 : magnitude <= 18 ? 2 : magnitude <= 34 ? 3
                : magnitude <= 66 ? 4 : 5;
    }
}
