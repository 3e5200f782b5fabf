package io.mediasync.resizer.imaging.webp;

/**
 * How often each adaptive branch of the coefficient tokens was taken, and the probabilities that follow: a frame
 * replaces a default probability when coding its branches with the new one saves more than the 8 bits (and the
 * update flag) it costs to send it.
 */
final class TokenStats implements TokenSink {

    private final int[] ones = new int[CoefficientProbabilities.COUNT];
    private final int[] totals = new int[CoefficientProbabilities.COUNT];
    /** Counts the same branches too while set (to keep a subset apart), else null. */
    TokenStats mirror;

    @Override
    public void adaptive(int bit, int index) {
        ones[index] += bit;
        totals[index]++;
        if (mirror != null) {
            mirror.adaptive(bit, index);
        }
    }

    @Override
    public void fixed(int bit, int probability) {
        // fixed probabilities have nothing to learn
    }

    /** Takes away what {@code other} counted (a subset of these tokens). */
    void subtract(TokenStats other) {
        for (int i = 0; i < CoefficientProbabilities.COUNT; i++) {
            ones[i] -= other.ones[i];
            totals[i] -= other.totals[i];
        }
    }

    /** What the counted branches cost coded with {@code probabilities}, in 1/256 bit. */
    long cost(int[] probabilities) {
        long cost = 0;
        for (int i = 0; i < CoefficientProbabilities.COUNT; i++) {
            cost += BitCost.branch(ones[i], totals[i], probabilities[i]);
        }
        return cost;
    }

    /**
     * The probabilities to code the counted tokens with, into {@code out}; {@code updated[i]} tells whether entry
     * i differs from the default and must be sent (may be null when only the costs matter).
     */
    void probabilities(int[] out, boolean[] updated) {
        for (int i = 0; i < CoefficientProbabilities.COUNT; i++) {
            int standard = CoefficientProbabilities.DEFAULTS[i];
            int updateProbability = CoefficientProbabilities.UPDATES[i];
            int total = totals[i];
            int chosen = standard;
            if (total > 0) {
                int zeros = total - ones[i];
                int fitted = Math.max(1, Math.min(255, (int) ((zeros * 256L + total / 2) / total)));
                long keep = BitCost.branch(ones[i], total, standard) + BitCost.zero(updateProbability);
                long replace = BitCost.branch(ones[i], total, fitted) + BitCost.one(updateProbability) + 8 * 256;
                if (replace < keep) {
                    chosen = fitted;
                }
            }
            out[i] = chosen;
            if (updated != null) {
                updated[i] = chosen != standard;
            }
        }
    }
}
