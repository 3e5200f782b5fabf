package io.mediasync.resizer.imaging.jpeg;

import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one scan: sequential scans straight to samples through the IDCT (the common
 * single-scan case) or to stored coefficients, and the four kinds of progressive scan (DC/AC, first/refinement) to
 * stored coefficients, following ITU T.81 annexes F and G.
 */
final class ScanDecoder {

    /** Zigzag index to natural index; the 16 extra entries absorb the runs of corrupt data that overshoot 63. */
    static final int[] NATURAL = new int[80];
    /** Dequantisation by 1, for coefficients that are stored rather than transformed (see {@link #zigzagQuant}). */
    private static final int[] UNIT;

    static {
        int[] zigzag = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
            14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39,
            46, 53, 60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zigzag, 0, NATURAL, 0, 64);
        Arrays.fill(NATURAL, 64, 80, 63);
        int[] ones = new int[80];
        Arrays.fill(ones, 0, 64, 1);
        UNIT = zigzagQuant(ones);
    }

    /** natural index << 16 | quantiser, per zigzag index (80 entries: the slack maps to 63 with quantiser 0). */
    static int[] zigzagQuant(int[] quant) {
        int[] table = new int[80];
        for (int k = 0; k < 80; k++) {
            table[k] = NATURAL[k] << 16 | quant[k];
        }
        return table;
    }

    private enum Mode { SEQUENTIAL, DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private final BitReader in;
    private final Frame frame;
    private final Scan scan;
    private final int restartInterval;
    private final int[] block = new int[64];
    private final int[] workspace = new int[64];
    private int restartsLeft;
    private int nextRestart;
    private int eobRun;

    ScanDecoder(byte[] data, Frame frame, Scan scan, int restartInterval) {
        this.in = new BitReader(data, scan.dataStart());
        this.frame = frame;
        this.scan = scan;
        this.restartInterval = restartInterval;
        this.restartsLeft = restartInterval;
    }

    /** Ends the scan; returns where its entropy-coded data ended. */
    int finish() throws JpegException {
        return in.finish();
    }

    /** A sequential scan holding every component: each MCU row is transformed into {@code out} as it is decoded. */
    void decodeStreaming(OutputStage out) throws JpegException {
        Component[] components = scan.components();
        for (int mcuRow = 0; mcuRow < frame.mcuRows; mcuRow++) {
            for (int mcu = 0; mcu < frame.mcusPerLine; mcu++) {
                countRestart();
                for (Component c : components) {
                    int size = c.scaledSize;
                    byte[] plane = out.plane(c.index);
                    int stride = out.stride(c.index);
                    for (int by = 0; by < c.v; by++) {
                        int rowStart = out.rowOffset(c.index, (mcuRow * c.v + by) * size);
                        for (int bx = 0; bx < c.h; bx++) {
                            int offset = rowStart + (mcu * c.h + bx) * size;
                            if (decodeBlock(c, c.zigzagQuant) == 0) {
                                Idct.flat(block[0], size, plane, offset, stride);
                                block[0] = 0;
                            } else {
                                Idct.idct(size, block, workspace, plane, offset, stride);
                                Arrays.fill(block, 0);
                            }
                        }
                    }
                }
            }
            if (in.overran()) {
                throw JpegException.truncated("entropy-coded data ends before the image does");
            }
            out.iMcuRowDone(mcuRow, mcuRow == frame.mcuRows - 1);
        }
    }

    /** Any other scan: into each component's stored coefficients. */
    void decodeToStore() throws JpegException {
        Mode mode = !frame.progressive ? Mode.SEQUENTIAL
                : scan.spectralStart() == 0 ? (scan.approxHigh() == 0 ? Mode.DC_FIRST : Mode.DC_REFINE)
                : (scan.approxHigh() == 0 ? Mode.AC_FIRST : Mode.AC_REFINE);
        Component[] components = scan.components();
        if (scan.interleaved()) {
            for (int mcuRow = 0; mcuRow < frame.mcuRows; mcuRow++) {
                for (int mcu = 0; mcu < frame.mcusPerLine; mcu++) {
                    countRestart();
                    for (Component c : components) {
                        for (int by = 0; by < c.v; by++) {
                            for (int bx = 0; bx < c.h; bx++) {
                                decodeToStore(mode, c, c.blockOffset(mcuRow * c.v + by, mcu * c.h + bx));
                            }
                        }
                    }
                }
                checkOverrun();
            }
        } else {
            Component c = components[0];
            for (int row = 0; row < c.heightInBlocks; row++) {
                for (int column = 0; column < c.widthInBlocks; column++) {
                    countRestart();
                    decodeToStore(mode, c, c.blockOffset(row, column));
                }
                checkOverrun();
            }
        }
    }

    private void checkOverrun() throws JpegException {
        if (in.overran()) {
            throw JpegException.truncated("entropy-coded data ends before the scan does");
        }
    }

    private void countRestart() throws JpegException {
        if (restartInterval == 0) {
            return;
        }
        if (restartsLeft == 0) {
            in.restart(nextRestart);
            nextRestart = (nextRestart + 1) & 7;
            restartsLeft = restartInterval;
            eobRun = 0;
            for (Component c : scan.components()) {
                c.dcPredictor = 0;
            }
        }
        restartsLeft--;
    }

    private void decodeToStore(Mode mode, Component c, int offset) throws JpegException {
        short[] coefficients = c.coefficients;
        switch (mode) {
            case SEQUENTIAL -> {
                decodeBlock(c, UNIT);
                for (int i = 0; i < 64; i++) {
                    coefficients[offset + i] = (short) block[i];
                }
                Arrays.fill(block, 0);
            }
            case DC_FIRST -> {
                int s = in.decode(c.dcTable);
                c.dcPredictor += s == 0 ? 0 : in.receiveExtend(s);
                coefficients[offset] = (short) (c.dcPredictor * (1 << scan.approxLow()));
            }
            case DC_REFINE -> {
                if (in.bit() != 0) {
                    coefficients[offset] |= (short) (1 << scan.approxLow());
                }
            }
            case AC_FIRST -> acFirst(c.acTable, coefficients, offset);
            case AC_REFINE -> acRefine(c.acTable, coefficients, offset);
        }
    }

    /**
     * One block of a sequential scan, dequantised by {@code zigzagQuant} into {@link #block} (natural order).
     * Returns the zigzag index of the last coefficient decoded, 0 when the block has only its DC.
     * The hot loop of the decoder: the bit buffer and read position live in locals (handed back to the reader for
     * its rare slow paths, which is why that hand-off is written out where it happens), and the common refill,
     * 8 bytes without a 0xFF, is done here. Measured alternatives that were slower: refilling at 32 bits to spare
     * the second hand-off (4%), taking the bytes before a 0xFF instead of going byte by byte (4%).
     */
    private int decodeBlock(Component c, int[] zigzagQuant) throws JpegException {
        BitReader reader = in;
        int[] out = block;
        reader.fill();
        long bits = reader.bits;
        int count = reader.count;
        int entry = c.dcTable.lookup[(int) (bits >>> (count - Huffman.LOOKAHEAD)) & (1 << Huffman.LOOKAHEAD) - 1];
        int s;
        if (entry != 0) {
            count -= entry >> 8;
            s = entry & 0xFF;
        } else {
            reader.count = count;
            s = reader.decodeLong(c.dcTable);
            count = reader.count;
        }
        int dc = c.dcPredictor;
        if (s != 0) {
            if (count < s) {
                reader.count = count;
                reader.fill();
                bits = reader.bits;
                count = reader.count;
            }
            count -= s;
            int v = (int) (bits >>> count) & ((1 << s) - 1);
            dc += v < 1 << (s - 1) ? v + 1 - (1 << s) : v;
        }
        c.dcPredictor = dc;
        out[0] = dc * (zigzagQuant[0] & 0xFFFF);

        Huffman ac = c.acTable;
        int[] fastAc = ac.fastAc;
        int[] lookup = ac.lookup;
        byte[] data = reader.data;
        int pos = reader.pos;
        int last = 0;
        int k = 1;
        while (k < 64) {
            if (count < 16) {
                long word;
                long inverted;
                if (pos + 8 <= data.length
                        && (((inverted = ~(word = (long) BitReader.LONG_BE.get(data, pos))) - 0x0101010101010101L)
                        & ~inverted & 0x8080808080808080L) == 0) { // no 0xFF: no stuffing, no marker
                    int take = (63 - count) >>> 3;
                    bits = bits << (take << 3) | word >>> (64 - (take << 3));
                    count += take << 3;
                    pos += take;
                } else {
                    reader.pos = pos;
                    reader.bits = bits;
                    reader.count = count;
                    reader.fillBytes();
                    pos = reader.pos;
                    bits = reader.bits;
                    count = reader.count;
                }
            }
            int look = (int) (bits >>> (count - Huffman.LOOKAHEAD)) & (1 << Huffman.LOOKAHEAD) - 1;
            int fast = fastAc[look];
            if (fast != 0) { // code and value in one lookup
                count -= fast & 15;
                k += (fast >> 4) & 15;
                int zq = zigzagQuant[k];
                out[zq >>> 16] = (fast >> 8) * (zq & 0xFFFF);
                last = k++;
                continue;
            }
            entry = lookup[look];
            int rs;
            if (entry != 0) {
                count -= entry >> 8;
                rs = entry & 0xFF;
            } else {
                reader.bits = bits;
                reader.count = count;
                rs = reader.decodeLong(ac);
                count = reader.count;
            }
            int size = rs & 15;
            int run = rs >> 4;
            if (size == 0) {
                if (run != 15) {
                    break; // end of block
                }
                k += 16;
                continue;
            }
            k += run;
            if (count < size) {
                reader.pos = pos;
                reader.bits = bits;
                reader.count = count;
                reader.fillBytes();
                pos = reader.pos;
                bits = reader.bits;
                count = reader.count;
            }
            count -= size;
            int v = (int) (bits >>> count) & ((1 << size) - 1);
            int zq = zigzagQuant[k];
            out[zq >>> 16] = (v < 1 << (size - 1) ? v + 1 - (1 << size) : v) * (zq & 0xFFFF);
            last = k++;
        }
        reader.pos = pos;
        reader.bits = bits;
        reader.count = count;
        return last;
    }

    private void acFirst(Huffman table, short[] coefficients, int offset) throws JpegException {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        int end = scan.spectralEnd();
        int shift = scan.approxLow();
        for (int k = scan.spectralStart(); k <= end; ) {
            int rs = in.decode(table);
            int size = rs & 15;
            int run = rs >> 4;
            if (size == 0) {
                if (run < 15) {
                    eobRun = (1 << run) - 1 + (run > 0 ? in.bits(run) : 0);
                    break;
                }
                k += 16;
                continue;
            }
            k += run;
            coefficients[offset + NATURAL[k]] = (short) (in.receiveExtend(size) * (1 << shift));
            k++;
        }
    }

    private void acRefine(Huffman table, short[] coefficients, int offset) throws JpegException {
        int end = scan.spectralEnd();
        int plus = 1 << scan.approxLow();
        int minus = -1 << scan.approxLow();
        int k = scan.spectralStart();
        if (eobRun == 0) {
            for (; k <= end; k++) {
                int rs = in.decode(table);
                int size = rs & 15;
                int run = rs >> 4;
                int value = 0;
                if (size != 0) {
                    value = in.bit() != 0 ? plus : minus; // size is 1 in valid data
                } else if (run != 15) {
                    eobRun = (1 << run) + (run > 0 ? in.bits(run) : 0);
                    break;
                }
                // skip `run` zero coefficients, refining the non-zero ones passed on the way
                do {
                    int z = offset + NATURAL[k];
                    int coefficient = coefficients[z];
                    if (coefficient != 0) {
                        if (in.bit() != 0 && (coefficient & plus) == 0) {
                            coefficients[z] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
                        }
                    } else if (--run < 0) {
                        break;
                    }
                    k++;
                } while (k <= end);
                if (value != 0) {
                    coefficients[offset + NATURAL[k]] = (short) value;
                }
            }
        }
        if (eobRun > 0) {
            for (; k <= end; k++) {
                int z = offset + NATURAL[k];
                int coefficient = coefficients[z];
                if (coefficient != 0 && in.bit() != 0 && (coefficient & plus) == 0) {
                    coefficients[z] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
                }
            }
            eobRun--;
        }
    }
}
