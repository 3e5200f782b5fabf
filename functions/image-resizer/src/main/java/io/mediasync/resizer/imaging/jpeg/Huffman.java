package io.mediasync.resizer.imaging.jpeg;

/**
 * One Huffman table (DHT), built for table-driven decoding: codes of up to {@link #LOOKAHEAD} bits are resolved by
 * one lookup of the next bits, longer ones by the canonical-code limits. For AC tables, {@link #fastAc} also
 * resolves the coefficient's value when code and value bits together fit in the lookahead: one lookup per
 * coefficient for most of a photo's data.
 */
final class Huffman {

    static final int LOOKAHEAD = 11;
    private static final int LOOKAHEAD_SIZE = 1 << LOOKAHEAD;

    /** (code length << 8) | symbol for every LOOKAHEAD-bit prefix starting with a short code; 0 = longer code. */
    final int[] lookup = new int[LOOKAHEAD_SIZE];
    /** (value << 8) | (run << 4) | (code + value bits), or 0 when the short path does not apply. */
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

    /** Run/size symbols whose value bits also fit in the lookahead are resolved completely. */
    private void buildFastAc() {
        for (int look = 0; look < LOOKAHEAD_SIZE; look++) {
            int entry = lookup[look];
            if (entry == 0) {
                continue;
            }
            int length = entry >> 8;
            int run = (entry >> 4) & 15;
            int size = entry & 15;
            if (size == 0 || length + size > LOOKAHEAD) {
                continue;
            }
            int value = (look >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
            if (value < 1 << (size - 1)) {
                value += 1 - (1 << size);
            }
            fastAc[look] = value << 8 | run << 4 | (length + size);
        }
    }
}
