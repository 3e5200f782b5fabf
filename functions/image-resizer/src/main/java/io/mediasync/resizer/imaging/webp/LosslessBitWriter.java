package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/** The bit order of WebP lossless (VP8L): values least significant bit first, filling each byte from its bit 0. */
final class LosslessBitWriter {

    private byte[] out;
    private int size;
    private long pending;
    private int pendingBits;

    LosslessBitWriter(int expectedBytes) {
        out = new byte[Math.max(16, expectedBytes)];
    }

    /** The low {@code bits} bits of {@code value}, at most 32. */
    void write(int value, int bits) {
        pending |= (value & ((1L << bits) - 1)) << pendingBits;
        pendingBits += bits;
        while (pendingBits >= 8) {
            if (size == out.length) {
                out = Arrays.copyOf(out, size * 2);
            }
            out[size++] = (byte) pending;
            pending >>>= 8;
            pendingBits -= 8;
        }
    }

    byte[] finish() {
        if (pendingBits > 0) {
            write(0, 8 - pendingBits);
        }
        return Arrays.copyOf(out, size);
    }
}
