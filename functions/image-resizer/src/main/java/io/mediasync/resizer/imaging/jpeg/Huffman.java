package io.mediasync.resizer.imaging.jpeg;

/**
 * One Huffman table (DHT), built for table-driven decoding: codes of up to {@link #LOOKAHEAD} bits are resolved by
 * one lookup of the next bits, longer ones by the canonical-code limits. For AC tables, {@link #fastAc} also
 * resolves the coefficient's value when code and value bits together fit in the lookahead, and the next coefficient
 * too when it also fits: a photo's symbols average about 5 bits with their values, so one lookup often yields two
 * coefficients, which halves the decoder's serial chain of lookups.
 */
final class Huffman {

    static final int LOOKAHEAD = 11;
    private static final int LOOKAHEAD_SIZE = 1 << LOOKAHEAD;

    /** (code length << 8) | symbol for every LOOKAHEAD-bit prefix starting with a short code; 0 = longer code. */
    final int[] lookup = new int[LOOKAHEAD_SIZE];
    /**
     * One or two coefficients per LOOKAHEAD-bit prefix, 0 when the short path does not apply:
     * value1 (11 bits, signed) << 21 | value2 (8 bits, signed; 0 when there is no second) << 13 | advance2 << 8 |
     * run1 << 4 | bits of both codes and values. advance2 is the second coefficient's run + 1, its zigzag distance
     * from the first (0 without a second, so the decoder writes "value2" = 0 where the first goes, then the first).
     */
    final int[] fastAc = new int[LOOKAHEAD_SIZE];
    /** Largest code of each length (index 1..16), -1 if none; index 17 is a sentinel that accepts anything. */
    final int[] maxCode = new int[18];
    /** values index of a code of each length = code + valueOffset[length]. */
    final int[] valueOffset = new int[17];
    final byte[] values;

    /**
     * @param counts counts[i] = number of codes of length i + 1 (16 entries)
     * @throws JpegException when the counts do not describe a valid prefix code
     */
    Huffman(int[] counts, byte[] values) throws JpegException {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int n = counts[length - 1];
            valueOffset[length] = k - code;
            if (n > 0) {
                if (code + n > 1 << length) {
                    throw JpegException.corrupt("Huffman table has more codes of length " + length + " than fit");
                }
                for (int i = 0; i < n; i++, k++, code++) {
                    if (length <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - length;
                        int entry = length << 8 | (values[k] & 0xFF);
                        for (int j = code << shift, last = (code + 1) << shift; j < last; j++) {
                            lookup[j] = entry;
                        }
                    }
                }
                maxCode[length] = code - 1;
            } else {
                maxCode[length] = -1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        buildFastAc();
    }

    /** Run/size symbols whose value bits also fit in the lookahead are resolved completely, in pairs where both fit. */
    private void buildFastAc() {
        for (int look = 0; look < LOOKAHEAD_SIZE; look++) {
            int first = coefficient(look, LOOKAHEAD, 10);
            if (first == 0) {
                continue;
            }
            int used = first & 15;
            int entry = (first >> 8) << 21 | ((first >> 4) & 15) << 4 | used;
            int second = coefficient((look << used) & (LOOKAHEAD_SIZE - 1), LOOKAHEAD - used, 7);
            if (second != 0) {
                entry = entry + (second & 15) | ((second >> 8) & 0xFF) << 13 | (((second >> 4) & 15) + 1) << 8;
            }
            fastAc[look] = entry;
        }
    }

    /**
     * The coefficient at the top of the LOOKAHEAD-bit {@code look} when its code and value lie within its first
     * {@code known} bits and its value has at most {@code maxSize} bits: value << 8 | run << 4 | bits; else 0.
     */
    private int coefficient(int look, int known, int maxSize) {
        int entry = lookup[look];
        int length = entry >> 8;
        int run = (entry >> 4) & 15;
        int size = entry & 15;
        if (entry == 0 || size == 0 || size > maxSize || length + size > known) {
            return 0;
        }
        int value = BitReader.extend((look >> (LOOKAHEAD - length - size)) & ((1 << size) - 1), size);
        return value << 8 | run << 4 | (length + size);
    }
}
