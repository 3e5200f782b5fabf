package io.mediasync.resizer.imaging.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the entropy-coded data of a scan: a 64-bit buffer refilled byte by byte, 0xFF00 stuffing removed, and
 * stopping at the first marker (or the end of the data), after which zero bits are supplied as libjpeg does. Using
 * any of those supplied bits means the data was cut short: {@link #overran()}.
 * <p>
 * The buffer is left-aligned: the next bit is bit 63, so a peek is one shift and consuming n bits is {@code bits <<= n},
 * which keeps the Huffman decoder's loop-carried chain (peek, table load, consume) as short as it can be. Below the
 * {@link #count} valid bits the buffer holds zeros or the bits that really follow, never anything else, so a refill
 * can OR the next bytes in without clearing first.
 */
final class BitReader {

    /** {@link #marker} when the data simply ended. */
    static final int END_OF_DATA = 0x100;
    private static final int NONE = -1;
    static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    final byte[] data;
    /** Next byte to load; with bits and count, kept in locals by the block decoder's hot loop. */
    int pos;
    /** The buffer, next bit first; the block decoder's hot loop keeps these two in locals and hands them back around a refill. */
    long bits;
    /** Valid bits at the top of {@link #bits}. */
    int count;
    /** How many of the buffered bits are zeros supplied after the data or a marker. */
    private int padBits;
    /** The marker code the reader stopped at, or NONE. */
    private int marker = NONE;

    BitReader(byte[] data, int pos) {
        this.data = data;
        this.pos = pos;
    }

    int position() {
        return pos;
    }

    /** Whether the 8 bytes of {@code word} hold no 0xFF: then they are all data (no stuffing, no marker). */
    static boolean noMarkerByte(long word) {
        long inverted = ~word; // a 0xFF byte of word is a zero byte here
        return ((inverted - 0x0101010101010101L) & ~inverted & 0x8080808080808080L) == 0;
    }

    /**
     * Tops the buffer up to at least 56 bits: most of the time the next 8 bytes hold no 0xFF and are ORed in at
     * once, as many whole bytes counted as fit ({@code count | 56} is count plus those bytes' bits); otherwise byte by
     * byte.
     */
    void fill() {
        if (marker == NONE && pos + 8 <= data.length) {
            long word = (long) LONG_BE.get(data, pos);
            if (noMarkerByte(word)) {
                bits |= word >>> count;
                pos += (63 - count) >>> 3;
                count |= 56;
                return;
            }
        }
        fillBytes();
    }

    /** Tops the buffer up to at least 57 bits, one byte at a time. */
    void fillBytes() {
        byte[] d = data;
        bits &= count == 0 ? 0 : -1L << (64 - count); // what follows may be supplied zeros, not the next bytes
        while (count <= 56) {
            int b = 0;
            if (marker == NONE) {
                if (pos < d.length) {
                    b = d[pos] & 0xFF;
                    if (b != 0xFF) {
                        pos++;
                    } else {
                        int next = pos + 1 < d.length ? d[pos + 1] & 0xFF : END_OF_DATA;
                        if (next == 0) {
                            pos += 2;
                        } else if (next == 0xFF) {
                            pos++; // fill byte before a marker
                            continue;
                        } else {
                            marker = next;
                            b = 0;
                            padBits += 8;
                        }
                    }
                } else {
                    marker = END_OF_DATA;
                    padBits += 8;
                }
            } else {
                padBits += 8;
            }
            bits |= (long) b << (56 - count);
            count += 8;
        }
    }

    int bit() {
        if (count < 1) {
            fill();
        }
        int bit = (int) (bits >>> 63);
        bits <<= 1;
        count--;
        return bit;
    }

    /** The next {@code n} bits, 1 <= n <= 16. */
    int bits(int n) {
        if (count < n) {
            fill();
        }
        int v = (int) (bits >>> (64 - n));
        bits <<= n;
        count -= n;
        return v;
    }

    /** The next {@code n} bits (1 <= n <= 16) as a signed value of JPEG's "extend" coding. */
    int receiveExtend(int n) {
        return extend(bits(n), n);
    }

    /** JPEG's "extend": an n-bit value below 2^(n-1) stands for a negative one. */
    static int extend(int v, int n) {
        return v < 1 << (n - 1) ? v + 1 - (1 << n) : v;
    }

    int decode(Huffman table) throws JpegException {
        if (count < 16) {
            fill();
        }
        int entry = table.lookup[(int) (bits >>> (64 - Huffman.LOOKAHEAD))];
        if (entry != 0) {
            int length = entry >> 8;
            bits <<= length;
            count -= length;
            return entry & 0xFF;
        }
        return decodeLong(table);
    }

    /** A code longer than the lookahead (count >= 16 on entry). */
    int decodeLong(Huffman table) throws JpegException {
        for (int length = Huffman.LOOKAHEAD + 1; length <= 16; length++) {
            int code = (int) (bits >>> (64 - length));
            if (code <= table.maxCode[length]) {
                int index = code + table.valueOffset[length];
                if (index < 0 || index >= table.values.length) {
                    break; // a prefix no code of this table starts with
                }
                bits <<= length;
                count -= length;
                return table.values[index] & 0xFF;
            }
        }
        throw JpegException.corrupt("bad Huffman code");
    }

    /** Whether bits past the end of the data (or past a marker) were used. */
    boolean overran() {
        return count < padBits;
    }

    /**
     * At a restart interval's end: drops the remaining bits of the byte and expects RSTn, consuming it.
     * Stray bytes before the marker are skipped, as libjpeg does.
     */
    void restart(int expected) throws JpegException {
        if (overran()) {
            throw JpegException.truncated("entropy-coded data ends inside a restart interval");
        }
        int found = findMarker();
        if (found != 0xD0 + expected) {
            throw JpegException.corrupt("expected RST" + expected + " but found "
                    + (found == END_OF_DATA ? "the end of the data" : String.format("marker 0x%02X", found)));
        }
        pos += 2;
        reset();
    }

    /** At a scan's end: drops the buffered bits and leaves the position at the next marker. */
    int finish() throws JpegException {
        if (overran()) {
            throw JpegException.truncated("entropy-coded data ends before the scan does");
        }
        findMarker();
        reset();
        return pos;
    }

    private void reset() {
        bits = 0;
        count = 0;
        padBits = 0;
        marker = NONE;
    }

    /** Moves to the next marker other than stuffing or fill bytes; returns its code, or END_OF_DATA. */
    private int findMarker() {
        byte[] d = data;
        if (marker != NONE && marker != END_OF_DATA) {
            return marker; // the fill stopped with pos on its 0xFF
        }
        while (pos + 1 < d.length) {
            if ((d[pos] & 0xFF) == 0xFF) {
                int next = d[pos + 1] & 0xFF;
                if (next != 0 && next != 0xFF) {
                    return next;
                }
            }
            pos++;
        }
        pos = d.length;
        return END_OF_DATA;
    }
}
