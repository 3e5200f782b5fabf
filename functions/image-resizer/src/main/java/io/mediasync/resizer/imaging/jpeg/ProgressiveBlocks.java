package io.mediasync.resizer.imaging.jpeg;

/**
 * The four kinds of progressive scan, block by block, into stored (quantised) coefficients: DC first and refinement,
 * AC first and refinement with their end-of-band runs (ITU T.81 annex G). The refinement must know which
 * coefficients are already non-zero, which is why every coefficient is stored even when the IDCT needs fewer.
 */
final class ProgressiveBlocks {

    private final BitReader in;
    private final Scan scan;
    /** Blocks left in the current end-of-band run (reset at each restart marker). */
    int endOfBandRun;

    ProgressiveBlocks(BitReader in, Scan scan) {
        this.in = in;
        this.scan = scan;
    }

    void dcFirst(Component c, short[] coefficients, int offset) throws JpegException {
        int s = in.decode(c.dcTable);
        c.dcPredictor += s == 0 ? 0 : in.receiveExtend(s);
        coefficients[offset] = (short) (c.dcPredictor * (1 << scan.approxLow()));
    }

    void dcRefine(short[] coefficients, int offset) {
        if (in.bit() != 0) {
            coefficients[offset] |= (short) (1 << scan.approxLow());
        }
    }

    void acFirst(Huffman table, short[] coefficients, int offset) throws JpegException {
        if (endOfBandRun > 0) {
            endOfBandRun--;
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
                    endOfBandRun = (1 << run) - 1 + (run > 0 ? in.bits(run) : 0);
                    break;
                }
                k += 16;
                continue;
            }
            k += run;
            coefficients[offset + ZigZag.NATURAL[k]] = (short) (in.receiveExtend(size) * (1 << shift));
            k++;
        }
    }

    void acRefine(Huffman table, short[] coefficients, int offset) throws JpegException {
        int end = scan.spectralEnd();
        int plus = 1 << scan.approxLow();
        int minus = -1 << scan.approxLow();
        int k = scan.spectralStart();
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                int rs = in.decode(table);
                int size = rs & 15;
                int run = rs >> 4;
                int value = 0;
                if (size != 0) {
                    value = in.bit() != 0 ? plus : minus; // size is 1 in valid data
                } else if (run != 15) {
                    endOfBandRun = (1 << run) + (run > 0 ? in.bits(run) : 0);
                    break;
                }
                // skip `run` zero coefficients, refining the non-zero ones passed on the way
                do {
                    int z = offset + ZigZag.NATURAL[k];
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
                    coefficients[offset + ZigZag.NATURAL[k]] = (short) value;
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= end; k++) {
                int z = offset + ZigZag.NATURAL[k];
                int coefficient = coefficients[z];
                if (coefficient != 0 && in.bit() != 0 && (coefficient & plus) == 0) {
                    coefficients[z] = (short) (coefficient + (coefficient >= 0 ? plus : minus));
                }
            }
            endOfBandRun--;
        }
    }
}
