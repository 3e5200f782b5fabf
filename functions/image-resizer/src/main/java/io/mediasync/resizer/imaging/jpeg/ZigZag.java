package io.mediasync.resizer.imaging.jpeg;

import java.util.Arrays;

/** The zigzag order of coefficients in the entropy-coded data, and the tables derived from it. */
final class ZigZag {

    private ZigZag() {
    }

    /**
     * Entries of the zigzag tables: 64, and slack for the indices corrupt data reaches past 63 before the decoder
     * sees it (63 + a run of 15 + a paired coefficient's advance of 16, see {@link Huffman#fastAc}).
     */
    static final int LENGTH = 96;
    /** Zigzag index to natural index; the slack entries point at 63 (and dequantise by 0 in {@link #zigzagQuant}). */
    static final int[] NATURAL = new int[LENGTH];
    /** Dequantisation by 1, for coefficients that are stored rather than transformed (see {@link #zigzagQuant}). */
    static final int[] UNIT;

    static {
        int[] zigzag = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
            14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39,
            46, 53, 60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zigzag, 0, NATURAL, 0, 64);
        Arrays.fill(NATURAL, 64, LENGTH, 63);
        int[] ones = new int[LENGTH];
        Arrays.fill(ones, 0, 64, 1);
        UNIT = zigzagQuant(ones);
    }

    /** natural index << 16 | quantiser, per zigzag index (the slack maps to 63 with quantiser 0). */
    static int[] zigzagQuant(int[] quant) {
        int[] table = new int[LENGTH];
        for (int k = 0; k < LENGTH; k++) {
            table[k] = NATURAL[k] << 16 | quant[k];
        }
        return table;
    }
}
