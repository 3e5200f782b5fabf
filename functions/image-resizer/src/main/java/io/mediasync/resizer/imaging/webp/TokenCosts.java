package io.mediasync.resizer.imaging.webp;

/**
 * What a block's tokens cost under the frame's current coefficient probabilities, for the rate side of the mode
 * decision. The cost of a magnitude splits in a part that depends on the probabilities (the tree branches, one
 * table per type, band and context, magnitudes from 67 up sharing DCT_CAT6's entry) and a fixed part (sign and
 * extra bits). The tables for context 0 leave out the "not end of block" branch, because a zero is always
 * followed by context 0 and no such branch; the first coefficient in context 0 pays it separately.
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

    private final int[] table = new int[CoefficientProbabilities.TYPES * CoefficientProbabilities.BANDS
            * CoefficientProbabilities.CONTEXTS * VARIABLE];
    private int[] probabilities;

    TokenCosts(int[] probabilities) {
        update(probabilities);
    }

    /** Recomputes every table from {@code probabilities} (kept, not copied). */
    void update(int[] probabilities) {
        this.probabilities = probabilities;
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
        }
    }

    /**
     * Cost of coding {@code levels[off + first .. off + 15]} (coding order) whose last non-zero level is at
     * {@code last} (-1 if none), in context {@code ctx}.
     */
    int block(int type, int ctx, int[] levels, int off, int first, int last) {
        int group = (type * CoefficientProbabilities.BANDS + Vp8Tables.BANDS[first]) * CoefficientProbabilities.CONTEXTS + ctx;
        int firstEnd = probabilities[group * CoefficientProbabilities.NODES];
        if (last < first) {
            return BitCost.zero(firstEnd);
        }
        int cost = ctx == 0 ? BitCost.one(firstEnd) : 0;
        int typeBase = type * CoefficientProbabilities.BANDS;
        for (int n = first; ; n++) {
            int level = levels[off + n];
            int v = level < 0 ? -level : level;
            cost += table[group * VARIABLE + (v < VARIABLE ? v : VARIABLE - 1)] + FIXED[v];
            int next = v > 2 ? 2 : v;
            if (n == last) {
                if (n < 15) {
                    int endGroup = (typeBase + Vp8Tables.BANDS[n + 1]) * CoefficientProbabilities.CONTEXTS + next;
                    cost += BitCost.zero(probabilities[endGroup * CoefficientProbabilities.NODES]);
                }
                return cost;
            }
            group = (typeBase + Vp8Tables.BANDS[n + 1]) * CoefficientProbabilities.CONTEXTS + next;
        }
    }
}
