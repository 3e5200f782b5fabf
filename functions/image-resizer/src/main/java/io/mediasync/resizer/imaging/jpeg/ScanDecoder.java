package io.mediasync.resizer.imaging.jpeg;

import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one scan: sequential scans straight to samples through the IDCT (the common
 * single-scan case) or to stored coefficients, and the four kinds of progressive scan ({@link ProgressiveBlocks}) to
 * stored coefficients, following ITU T.81 annexes F and G.
 */
final class ScanDecoder {

    private enum Mode { SEQUENTIAL, DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private final BitReader in;
    private final Frame frame;
    private final Scan scan;
    private final int restartInterval;
    private final int[] block = new int[64];
    private final int[] workspace = new int[64];
    private final ProgressiveBlocks progressive;
    private int restartsLeft;
    private int nextRestart;

    ScanDecoder(byte[] data, Frame frame, Scan scan, int restartInterval) {
        this.in = new BitReader(data, scan.dataStart());
        this.frame = frame;
        this.scan = scan;
        this.restartInterval = restartInterval;
        this.restartsLeft = restartInterval;
        this.progressive = new ProgressiveBlocks(in, scan);
    }

    /** Ends the scan; returns where its entropy-coded data ended. */
    int finish() throws JpegException {
        return in.finish();
    }

    /** A sequential scan holding every component: each MCU row is transformed into {@code out} as it is decoded. */
    void decodeStreaming(BlockOutput out) throws JpegException {
        Component[] components = scan.components();
        for (int mcuRow = 0; mcuRow < frame.mcuRows; mcuRow++) {
            for (int mcu = 0; mcu < frame.mcusPerLine; mcu++) {
                countRestart();
                for (Component c : components) {
                    int size = c.scaledSize;
                    byte[] plane = out.plane(c.index);
                    int stride = out.stride(c.index);
                    byte[] means = out.means(c.index);
                    for (int by = 0; by < c.v; by++) {
                        int rowStart = out.rowOffset(c.index, (mcuRow * c.v + by) * size);
                        for (int bx = 0; bx < c.h; bx++) {
                            int offset = rowStart + (mcu * c.h + bx) * size;
                            int last = decodeBlock(c, c.zigzagQuant);
                            if (means != null) {
                                means[(mcuRow * c.v + by) * out.meansStride(c.index) + mcu * c.h + bx] =
                                        Idct.sample((block[0] + 4) >> 3);
                            }
                            if (last == 0) {
                                Idct.flat(block[0], size, plane, offset, stride);
                                block[0] = 0;
                            } else {
                                Idct.idct(c, block, workspace, plane, offset, stride);
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
            progressive.endOfBandRun = 0;
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
                decodeBlock(c, ZigZag.UNIT);
                for (int i = 0; i < 64; i++) {
                    coefficients[offset + i] = (short) block[i];
                }
                Arrays.fill(block, 0);
            }
            case DC_FIRST -> progressive.dcFirst(c, coefficients, offset);
            case DC_REFINE -> progressive.dcRefine(coefficients, offset);
            case AC_FIRST -> progressive.acFirst(c.acTable, coefficients, offset);
            case AC_REFINE -> progressive.acRefine(c.acTable, coefficients, offset);
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
        int entry = c.dcTable.lookup[(int) (bits >>> (64 - Huffman.LOOKAHEAD))];
        int s;
        if (entry != 0) {
            int length = entry >> 8;
            bits <<= length;
            count -= length;
            s = entry & 0xFF;
        } else {
            reader.bits = bits;
            reader.count = count;
            s = reader.decodeLong(c.dcTable);
            bits = reader.bits;
            count = reader.count;
        }
        int dc = c.dcPredictor;
        if (s != 0) {
            if (count < s) {
                reader.bits = bits;
                reader.count = count;
                reader.fill();
                bits = reader.bits;
                count = reader.count;
            }
            dc += BitReader.extend((int) (bits >>> (64 - s)), s);
            bits <<= s;
            count -= s;
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
                if (pos + 8 <= data.length && BitReader.noMarkerByte(word = (long) BitReader.LONG_BE.get(data, pos))) {
                    bits |= word >>> count;
                    pos += (63 - count) >>> 3;
                    count |= 56;
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
            int look = (int) (bits >>> (64 - Huffman.LOOKAHEAD));
            int fast = fastAc[look];
            if (fast != 0) { // one or two coefficients, codes and values, in one lookup; no branch on which
                int k1 = k + ((fast >>> 4) & 15);
                int k2 = k1 + ((fast >>> 8) & 31);
                if (k2 < 64) { // else the "second" would be the next block's bits: the first alone, below
                    int length = fast & 15;
                    bits <<= length;
                    count -= length;
                    int zq = zigzagQuant[k2];
                    out[zq >>> 16] = ((fast << 11) >> 24) * (zq & 0xFFFF); // the second, or 0 where the first goes
                    zq = zigzagQuant[k1];
                    out[zq >>> 16] = (fast >> 21) * (zq & 0xFFFF);
                    last = k2;
                    k = k2 + 1;
                    continue;
                }
            }
            entry = lookup[look];
            int rs;
            if (entry != 0) {
                int length = entry >> 8;
                bits <<= length;
                count -= length;
                rs = entry & 0xFF;
            } else {
                reader.bits = bits;
                reader.count = count;
                rs = reader.decodeLong(ac);
                bits = reader.bits;
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
            int zq = zigzagQuant[k];
            out[zq >>> 16] = BitReader.extend((int) (bits >>> (64 - size)), size) * (zq & 0xFFFF);
            bits <<= size;
            count -= size;
            last = k++;
        }
        reader.pos = pos;
        reader.bits = bits;
        reader.count = count;
        return last;
    }
}
