package io.mediasync.resizer.imaging.webp;

/**
 * What a bit costs the boolean coder, in 1/256 of a bit: -log2 of its probability. The rate side of every
 * rate-distortion decision and of the probability updates is counted in these units.
 */
final class BitCost {

    /** Cost of a 0 coded at probability {@code p}/256 of being 0, for p in 1..255 (index 0 unused). */
    private static final int[] ZERO = new int[256];

    static {
        for (int p = 1; p < 256; p++) {
            ZERO[p] = (int) Math.round(-StrictMath.log(p / 256.0) / StrictMath.log(2) * 256);
        }
        ZERO[0] = ZERO[1];
    }

    private BitCost() {
    }

    static int of(int bit, int probability) {
        return bit == 0 ? ZERO[probability] : ZERO[256 - probability];
    }

    static int zero(int probability) {
        return ZERO[probability];
    }

    static int one(int probability) {
        return ZERO[256 - probability];
    }

    /** Cost of {@code ones} 1s and {@code total - ones} 0s at one probability. */
    static long branch(int ones, int total, int probability) {
        return (long) ones * one(probability) + (long) (total - ones) * zero(probability);
    }
}
