package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * The boolean entropy coder of RFC 6386 section 7: each bit is coded with an 8-bit probability that it is 0.
 * The interval's low end is kept in a long whose top {@code settled} bits above the 8-bit window can no longer
 * change except by a carry, which is then propagated into the bytes already written.
 */
final class BoolEncoder {

    private byte[] out;
    private int size;
    private int range = 255;
    private long low;
    private int settled;

    BoolEncoder(int expectedBytes) {
        out = new byte[Math.max(64, expectedBytes)];
    }

    void putBit(int bit, int probability) {
        int split = 1 + (((range - 1) * probability) >> 8);
        if (bit != 0) {
            low += split;
            range -= split;
        } else {
            range = split;
        }
        if (range < 128) {
            int shift = Integer.numberOfLeadingZeros(range) - 24;
            range <<= shift;
            low <<= shift;
            settled += shift;
            if (settled >= 8) {
                emitByte();
            }
        }
    }

    /** An unsigned value of {@code bits} bits, most significant first, each at probability 1/2 (L(n) in the RFC). */
    void putLiteral(int value, int bits) {
        for (int b = bits - 1; b >= 0; b--) {
            putBit((value >> b) & 1, 128);
        }
    }

    /** A flag, then if non-zero the magnitude in {@code bits} bits and the sign: the header's optional deltas. */
    void putOptionalSigned(int value, int bits) {
        putBit(value != 0 ? 1 : 0, 128);
        if (value != 0) {
            putLiteral(Math.abs(value), bits);
            putBit(value < 0 ? 1 : 0, 128);
        }
    }

    /** Codes {@code value} along its path in a tree of the RFC's form (see {@link Tree}). */
    void putTree(int[] path, int[] probabilities, int offset) {
        for (int step : path) {
            putBit(step & 1, probabilities[offset + (step >> 1)]);
        }
    }

    private void emitByte() {
        long top = low >>> settled;
        if (top > 0xFF) { // a carry into bytes already written
            int i = size - 1;
            while (out[i] == (byte) 0xFF) {
                out[i--] = 0;
            }
            out[i]++;
        }
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) top;
        low &= (1L << settled) - 1;
        settled -= 8;
    }

    /**
     * Writes the settled bits and the current window, padded with zeros to a whole byte: the decoder's value then
     * lies inside the final interval, and it never needs a byte past the end.
     */
    byte[] finish() {
        low <<= 8;
        settled += 8;
        int pad = (8 - (settled & 7)) & 7;
        low <<= pad;
        settled += pad;
        while (settled >= 8) {
            emitByte();
        }
        return Arrays.copyOf(out, size);
    }
}
