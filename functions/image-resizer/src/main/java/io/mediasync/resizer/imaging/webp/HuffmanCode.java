package io.mediasync.resizer.imaging.webp;

/**
 * A length-limited canonical prefix code for one VP8L alphabet, built from symbol counts and written as the
 * format stores it (WebP lossless 3.7.2): codes are assigned in order of length then symbol and sent reversed,
 * since the reader takes bits least significant first. A code with a single used symbol costs no bits per symbol.
 */
final class HuffmanCode {

    /** The order in which the code-length code's own lengths are stored. */
    private static final int[] LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    final int[] lengths;
    final int[] codes;
    private final int used;

    HuffmanCode(int[] counts, int maxLength) {
        int n = counts.length;
        lengths = new int[n];
        codes = new int[n];
        int used = 0;
        for (int count : counts) {
            used += count > 0 ? 1 : 0;
        }
        this.used = used;
        if (used == 1) {
            for (int s = 0; s < n; s++) {
                lengths[s] = counts[s] > 0 ? 1 : 0;
            }
            return; // the single symbol is read with zero bits, codes stay 0
        }
        if (used > 1) {
            HuffmanLengths.build(counts, maxLength, lengths);
            assignCodes();
        }
    }

    /** Bits the symbol takes in the data. */
    int bits(int symbol) {
        return used == 1 ? 0 : lengths[symbol];
    }

    void write(LosslessBitWriter out, int symbol) {
        if (used > 1) {
            out.write(codes[symbol], lengths[symbol]);
        }
    }

    private void assignCodes() {
        int[] perLength = new int[16];
        for (int length : lengths) {
            perLength[length]++;
        }
        perLength[0] = 0;
        int[] next = new int[16];
        for (int len = 1, code = 0; len < 16; len++) {
            code = (code + perLength[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < lengths.length; s++) {
            int len = lengths[s];
            if (len > 0) {
                codes[s] = Integer.reverse(next[len]++) >>> (32 - len);
            }
        }
    }

    /**
     * Writes the code: a simple code when one or two symbols below 256 are used (as libwebp does; TwelveMonkeys'
     * reader before 3.13.1 misreads a normal code with a single symbol), else a normal one: the code-length code,
     * then every symbol's length.
     */
    void writeHeader(LosslessBitWriter out) {
        int first = -1;
        int second = -1;
        for (int s = 0; s < lengths.length && used <= 2; s++) {
            if (lengths[s] > 0) {
                if (first < 0) {
                    first = s;
                } else {
                    second = s;
                }
            }
        }
        if (used <= 2 && Math.max(first, second) < 256) {
            out.write(1, 1);
            out.write(used - 1, 1);
            boolean wide = first > 1;
            out.write(wide ? 1 : 0, 1);
            out.write(first, wide ? 8 : 1);
            if (used == 2) {
                out.write(second, 8);
            }
            return;
        }
        out.write(0, 1);
        int[] tokens = new int[lengths.length];
        int[] extras = new int[lengths.length];
        int count = 0;
        for (int i = 0; i < lengths.length; ) {
            int run = 1;
            while (i + run < lengths.length && lengths[i + run] == lengths[i]) {
                run++;
            }
            if (lengths[i] == 0 && run >= 3) {
                run = Math.min(run, 138);
                tokens[count] = run >= 11 ? 18 : 17;
                extras[count++] = run >= 11 ? run - 11 : run - 3;
            } else {
                run = 1;
                tokens[count++] = lengths[i];
            }
            i += run;
        }
        int[] tokenCounts = new int[19];
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            distinct += tokenCounts[tokens[k]]++ == 0 ? 1 : 0;
        }
        if (distinct == 1) { // a second length keeps the code-length code off the single-symbol case too
            tokenCounts[tokens[0] == 0 ? 1 : 0]++;
        }
        HuffmanCode lengthCode = new HuffmanCode(tokenCounts, 7);
        int stored = 19;
        while (stored > 4 && lengthCode.lengths[LENGTH_ORDER[stored - 1]] == 0) {
            stored--;
        }
        out.write(stored - 4, 4);
        for (int k = 0; k < stored; k++) {
            out.write(lengthCode.lengths[LENGTH_ORDER[k]], 3);
        }
        out.write(0, 1); // every symbol's length follows, up to the alphabet's end
        for (int k = 0; k < count; k++) {
            lengthCode.write(out, tokens[k]);
            if (tokens[k] == 17) {
                out.write(extras[k], 3);
            } else if (tokens[k] == 18) {
                out.write(extras[k], 7);
            }
        }
    }

    /** A simple code of one symbol below 256 (WebP lossless 3.7.2.1.1): read with zero bits. */
    static void writeSingle(LosslessBitWriter out, int symbol) {
        int[] counts = new int[symbol + 1];
        counts[symbol] = 1;
        new HuffmanCode(counts, 15).writeHeader(out);
    }
}
