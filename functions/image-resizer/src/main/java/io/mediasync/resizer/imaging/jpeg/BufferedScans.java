package io.mediasync.resizer.imaging.jpeg;

import java.util.Arrays;

/**
 * The scans of a JPEG that must be held whole before any pixel exists (progressive, or components in separate
 * scans): decoded into each component's stored coefficients, then dequantised and transformed one iMCU row at a
 * time, as a sequential scan is while it is decoded.
 */
final class BufferedScans {

    /**
     * Coefficient decoding work allowed, in whole-image passes: a progressive file visits each coefficient about
     * three times; a crafted one repeating scans is stopped here, so time stays proportional to the image.
     */
    static final int MAX_PASSES = 8;

    private final JpegParser parser;
    private final Frame frame;

    BufferedScans(JpegParser parser, Frame frame) {
        this.parser = parser;
        this.frame = frame;
    }

    /** Decodes every scan from {@code firstScan} on into the components' stored coefficients. */
    void decode(Scan firstScan) throws JpegException {
        long budget = 0;
        for (Component c : frame.components) {
            c.coefficients = new short[Math.toIntExact(c.coefficientBytes() / Short.BYTES)];
            budget += (long) MAX_PASSES * c.paddedWidthInBlocks * c.paddedHeightInBlocks * 64;
        }
        long work = 0;
        int scans = 0;
        for (Scan scan = firstScan; scan != null; scan = parser.nextScan()) {
            if (++scans > JpegDecoder.MAX_SCANS) {
                throw JpegException.limit("more than " + JpegDecoder.MAX_SCANS + " scans");
            }
            int band = scan.spectralEnd() - scan.spectralStart() + 1;
            for (Component c : scan.components()) {
                work += (long) (scan.interleaved() ? c.paddedWidthInBlocks * c.paddedHeightInBlocks
                        : c.widthInBlocks * c.heightInBlocks) * band;
            }
            if (work > budget) {
                throw JpegException.limit("progressive scans repeat beyond " + MAX_PASSES + " passes over the image");
            }
            for (Component c : scan.components()) {
                c.dcPredictor = 0;
            }
            ScanDecoder decoder = new ScanDecoder(parser.data, frame, scan, parser.restartInterval);
            decoder.decodeToStore();
            parser.resumeAt(decoder.finish());
        }
    }

    /** Dequantises and transforms the stored coefficients, one iMCU row at a time. */
    void transform(BlockOutput out) {
        int[] block = new int[64];
        int[] workspace = new int[64];
        int[][] quant = new int[frame.components.length][64];
        for (Component c : frame.components) {
            int[] q = c.quant;
            for (int k = 0; k < 64 && q != null; k++) {
                quant[c.index][ZigZag.NATURAL[k]] = q[k];
            }
        }
        for (int row = 0; row < frame.mcuRows; row++) {
            for (Component c : frame.components) {
                int size = c.scaledSize;
                byte[] plane = out.plane(c.index);
                int stride = out.stride(c.index);
                byte[] means = out.means(c.index);
                int[] q = quant[c.index];
                short[] coefficients = c.coefficients;
                for (int by = 0; by < c.v; by++) {
                    int blockRow = row * c.v + by;
                    if (blockRow >= c.heightInBlocks) {
                        break; // padding below the image: never shown
                    }
                    int rowStart = out.rowOffset(c.index, blockRow * size);
                    for (int column = 0; column < c.widthInBlocks; column++) {
                        int offset = c.blockOffset(blockRow, column);
                        if (means != null) {
                            means[blockRow * out.meansStride(c.index) + column] =
                                    Idct.sample((coefficients[offset] * q[0] + 4) >> 3);
                        }
                        boolean acZero = true;
                        for (int i = 1; i < 64 && acZero; i++) {
                            acZero = coefficients[offset + i] == 0;
                        }
                        if (acZero) {
                            Idct.flat(coefficients[offset] * q[0], size, plane, rowStart + column * size, stride);
                            continue;
                        }
                        for (int i = 0; i < 64; i++) {
                            block[i] = coefficients[offset + i] * q[i];
                        }
                        Idct.idct(c, block, workspace, plane, rowStart + column * size, stride);
                    }
                }
            }
            out.iMcuRowDone(row, row == frame.mcuRows - 1);
        }
        Arrays.fill(block, 0);
    }
}
