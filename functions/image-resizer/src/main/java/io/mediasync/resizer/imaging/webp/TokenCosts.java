package io.mediasync.resizer.imaging.webp;

/**
 * What a block's tokens cost under the frame's current coefficient probabilities, for the rate side of the mode
 * decision; quantising a block and pricing it go together. The cost of a magnitude splits in a part that depends
 * on the probabilities (the tree branches, one table per type, band and context, magnitudes from 67 up sharing
 * DCT_CAT6's entry) and a fixed part (sign and extra bits), which the tables hold too below 67 to save a lookup
 * per token. The tables for context 0 leave out the "not end of block" branch, because a zero is always followed
 * by context 0 and no such branch; the first coefficient in context 0 pays it separately.
 */
final class TokenCosts {

    private static final int VARIABLE = 68;
    private static final int[] FIXED = new int[Vp8Tables.MAX_LEVEL + 1];

    static {
        for (int v = 1; v <= Vp8Tables.MAX_LEVEL; v++) {
            int cost = 256; // the sign
            if (v >= 5) {
                int category = TokenCoder.category(v);
                int extra = v - Vp8Tables.CATEGORY_BASE[category];
                int[] probabilities = Vp8Tables.CATEGORY_PROBS[category];
                for (int b = probabilities.length - 1, i = 0; b >= 0; b--, i++) {
                    cost += BitCost.of((extra >> b) & 1, probabilities[i]);
                }
            }
            FIXED[v] = cost;
        }
    }

    /** Start in {@link #table} of the costs at position n (of type t, in context c): [(t * 17 + n) * 3 + c]. */
    private static final int[] GROUP = new int[CoefficientProbabilities.TYPES * 17 * CoefficientProbabilities.CONTEXTS];

    static {
        for (int type = 0; type < CoefficientProbabilities.TYPES; type++) {
            for (int n = 0; n < 17; n++) {
                for (int ctx = 0; ctx < CoefficientProbabilities.CONTEXTS; ctx++) {
                    int group = (type * CoefficientProbabilities.BANDS + Vp8Tables.BANDS[n]) * CoefficientProbabilities.CONTEXTS + ctx;
                    GROUP[(type * 17 + n) * 3 + ctx] = group * VARIABLE;
                }
            }
        }
    }

    private final int[] table = new int[CoefficientProbabilities.TYPES * CoefficientProbabilities.BANDS
            * CoefficientProbabilities.CONTEXTS * VARIABLE];
    /** An end of block at position n in context c, indexed as {@link #GROUP}. */
    private final int[] end = new int[GROUP.length];
    /** The "not end of block" branch of position n in context 0, [t * 17 + n]. */
    private final int[] notEnd = new int[CoefficientProbabilities.TYPES * 17];

    TokenCosts(int[] probabilities) {
        update(probabilities);
    }

    /** Recomputes every table from {@code probabilities}. */
    void update(int[] probabilities) {
        for (int i = 0; i < GROUP.length; i++) {
            end[i] = BitCost.zero(probabilities[GROUP[i] / VARIABLE * CoefficientProbabilities.NODES]);
        }
        for (int i = 0; i < notEnd.length; i++) {
            notEnd[i] = BitCost.one(probabilities[GROUP[i * 3] / VARIABLE * CoefficientProbabilities.NODES]);
        }
        int groups = table.length / VARIABLE;
        int[] categoryCost = new int[6];
        for (int g = 0; g < groups; g++) {
            int p = g * CoefficientProbabilities.NODES;
            int notEnd = g % CoefficientProbabilities.CONTEXTS == 0 ? 0 : BitCost.one(probabilities[p]);
            int t = g * VARIABLE;
            table[t] = notEnd + BitCost.zero(probabilities[p + 1]);
            int nonZero = notEnd + BitCost.one(probabilities[p + 1]);
            table[t + 1] = nonZero + BitCost.zero(probabilities[p + 2]);
            int large = nonZero + BitCost.one(probabilities[p + 2]);
            table[t + 2] = large + BitCost.zero(probabilities[p + 3]) + BitCost.zero(probabilities[p + 4]);
            int threeOrFour = large + BitCost.zero(probabilities[p + 3]) + BitCost.one(probabilities[p + 4]);
            table[t + 3] = threeOrFour + BitCost.zero(probabilities[p + 5]);
            table[t + 4] = threeOrFour + BitCost.one(probabilities[p + 5]);
            int categories = large + BitCost.one(probabilities[p + 3]);
            categoryCost[0] = categories + BitCost.zero(probabilities[p + 6]) + BitCost.zero(probabilities[p + 7]);
            categoryCost[1] = categories + BitCost.zero(probabilities[p + 6]) + BitCost.one(probabilities[p + 7]);
            int high = categories + BitCost.one(probabilities[p + 6]);
            categoryCost[2] = high + BitCost.zero(probabilities[p + 8]) + BitCost.zero(probabilities[p + 9]);
            categoryCost[3] = high + BitCost.zero(probabilities[p + 8]) + BitCost.one(probabilities[p + 9]);
            categoryCost[4] = high + BitCost.one(probabilities[p + 8]) + BitCost.zero(probabilities[p + 10]);
            categoryCost[5] = high + BitCost.one(probabilities[p + 8]) + BitCost.one(probabilities[p + 10]);
            for (int v = 5; v < VARIABLE; v++) {
                table[t + v] = categoryCost[TokenCoder.category(v)];
            }
            for (int v = 1; v < VARIABLE - 1; v++) {
                table[t + v] += FIXED[v];
            }
        }
    }

    /**
     * Quantises coefficients {@code first..15} (coding order) of the block at {@code c} with {@code m} and prices
     * the tokens they make in context {@code ctx}: the levels go to {@code levels[l..l+15]} in coding order, a
     * level before {@code first} as 0, the dequantised values (what the decoder will see) back into
     * {@code coefficients} in the block's own (raster) order. One pass in coding order quantises and finds the
     * last non-zero level, so an empty block (the most common) costs no second look; the tokens are then priced
     * up to that last level only.
     *
     * @return {@code rate << 40 | squared error << 8 | (last + 1)}, see {@link #rate}, {@link #error}, {@link #last}
     */
    long quantize(QuantMatrix m, int type, int ctx, int[] coefficients, int c, int[] levels, int l, int first) {
        long error = 0;
        int last = -1;
        if (first == 0) {
            int value = coefficients[c];
            int magnitude = value < 0 ? -value : value;
            int level = magnitude > m.dcZero
                    ? Math.min((magnitude * m.dcInverse + m.dcBias) >> QuantMatrix.SHIFT, Vp8Tables.MAX_LEVEL) : 0;
            int dequantized = level * m.dcStep;
            error = (long) (magnitude - dequantized) * (magnitude - dequantized);
            levels[l] = value < 0 ? -level : level;
            coefficients[c] = value < 0 ? -dequantized : dequantized;
            last = level != 0 ? 0 : -1;
        } else {
            levels[l] = 0;
        }
        int inverse = m.acInverse;
        int bias = m.acBias;
        int step = m.acStep;
        int acError = 0; // at most 15 quarter steps squared: a rounding error never passes half a step
        for (int n = 1; n < 16; n++) {
            int j = c + Vp8Tables.ZIGZAG[n];
            int value = coefficients[j];
            int magnitude = Math.abs(value);
            // the rounding itself gives 0 below the dead zone
            int level = Math.min((magnitude * inverse + bias) >> QuantMatrix.SHIFT, Vp8Tables.MAX_LEVEL);
            int dequantized = level * step;
            int difference = magnitude - dequantized;
            acError += difference * difference;
            int sign = value >> 31;
            levels[l + n] = (level ^ sign) - sign;
            coefficients[j] = (dequantized ^ sign) - sign;
            last = level != 0 ? n : last;
        }
        error += acError;
        int position = type * 17 + first;
        if (last < first) {
            return (long) end[position * 3 + ctx] << 40 | error << 8;
        }
        int cost = ctx == 0 ? notEnd[position] : 0;
        for (int n = first; n <= last; n++, position++) {
            int level = levels[l + n];
            int v = level < 0 ? -level : level;
            int at = GROUP[position * 3] + ctx * VARIABLE;
            // the table holds the sign and extra bits too, but for the largest magnitudes that share one entry
            cost += v < VARIABLE - 1 ? table[at + v] : table[at + VARIABLE - 1] + FIXED[v];
            ctx = Math.min(v, 2);
        }
        if (last < 15) {
            cost += end[position * 3 + ctx];
        }
        return (long) cost << 40 | error << 8 | (last + 1);
    }

    static int last(long quantized) {
        return (int) (quantized & 0xFF) - 1;
    }

    static long error(long quantized) {
        return (quantized >>> 8) & 0xFFFFFFFFL;
    }

    static int rate(long quantized) {
        return (int) (quantized >>> 40);
    }
}
