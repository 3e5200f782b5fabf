package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.util.Arrays;

/**
 * One pass of the separable filter, along whole rows: output row j is the weighted sum of input rows start[j]..
 * The input rows in use are loaded once into a ring of {@code taps} int rows (the window only slides down), so the
 * multiply-add runs over plain int arrays, a loop the JIT turns into SIMD (a byte-to-int widening in the same loop
 * would keep it scalar on Java 17). One method, no callbacks: the compiler sees every loop where it runs.
 * <p>
 * Input is a byte plane, or packed shorts with {@link #FRACTION_BITS} fractional bits (an earlier pass, unrounded:
 * the kernel's gain is at most 1.27, so they lie within -0.27 x 255 x 64 and 1.27 x 255 x 64, inside a short). Sums
 * stay inside an int: bytes times 22-bit weights (Pillow's choice: 8 bits of pixel, 2 of headroom for the kernel's
 * lobes), or those 15-bit shorts times {@link #INT_INPUT_WEIGHT_BITS}-bit weights.
 */
final class RowFilter {

    /** Weight precision for byte input. */
    static final int BYTE_INPUT_WEIGHT_BITS = 22;
    /** Weight precision for short input: 2^15 x 1.27 (the kernel's largest gain) x 2^15 stays below 2^31. */
    static final int INT_INPUT_WEIGHT_BITS = 15;
    /** Fractional bits of the unrounded rows handed from one pass to the next. */
    static final int FRACTION_BITS = 6;

    /** What becomes of each output row's sums. */
    enum Output {
        /** Bytes, rounded and clamped, row after row. */
        BYTES,
        /**
         * Bytes, each row stored as a column (an image of {@code length / channels} rows): pixels written transposed
         * straight away, a pixel's bytes together, cheaper than a separate transposition.
         */
        BYTES_TRANSPOSED,
        /** Shorts with {@link #FRACTION_BITS} fractional bits, for a further pass. */
        FRACTION,
        /** The sums as they are. */
        SUMS
    }

    private RowFilter() {
    }

    /** The weight precision for input with {@code fraction} fractional bits (0: bytes). */
    static int weightBits(int fraction) {
        return fraction == 0 ? BYTE_INPUT_WEIGHT_BITS : INT_INPUT_WEIGHT_BITS;
    }

    /**
     * Filters the rows of {@code bytesIn}, or else of {@code fractionIn} (packed rows of {@code length} shorts with
     * {@link #FRACTION_BITS}), into {@code bytesOut}, {@code fractionOut} or {@code sumsOut} as {@code output} says.
     *
     * @return the fractional bits of the result (0 for bytes)
     */
    static int filter(Plane bytesIn, short[] fractionIn, int length, int channels, Weights weights, Output output,
            byte[] bytesOut, short[] fractionOut, int[] sumsOut) {
        int inFraction = bytesIn != null ? 0 : FRACTION_BITS;
        int sumFraction = weights.bits + inFraction;
        int shift = switch (output) {
            case BYTES, BYTES_TRANSPOSED -> sumFraction;
            case FRACTION -> sumFraction - FRACTION_BITS;
            case SUMS -> 0;
        };
        int bias = shift == 0 ? 0 : 1 << (shift - 1);
        int taps = weights.taps;
        int[][] ring = new int[taps][length];
        int[] ringRow = new int[taps];
        Arrays.fill(ringRow, -1);
        int[] sums = new int[length];
        int[] w = weights.coefficients;
        int columnStride = weights.size() * channels;
        for (int j = 0; j < weights.size(); j++) {
            int first = weights.start[j];
            int n = weights.count[j];
            for (int t = 0; t < n; t++) {
                int row = first + t;
                int slot = row % taps;
                if (ringRow[slot] != row) {
                    int[] into = ring[slot];
                    if (bytesIn != null) {
                        byte[] in = bytesIn.samples();
                        for (int i = 0, from = bytesIn.offset() + row * bytesIn.stride(); i < length; i++) {
                            into[i] = in[from + i] & 0xFF;
                        }
                    } else {
                        for (int i = 0, from = row * length; i < length; i++) {
                            into[i] = fractionIn[from + i];
                        }
                    }
                    ringRow[slot] = row;
                }
            }
            Arrays.fill(sums, bias);
            int k = j * taps;
            int t = 0;
            for (; t + 1 < n; t += 2) { // two taps per sweep: the sums are loaded and stored once for both
                int[] a = ring[(first + t) % taps];
                int[] b = ring[(first + t + 1) % taps];
                int wa = w[k + t];
                int wb = w[k + t + 1];
                for (int i = 0; i < length; i++) {
                    sums[i] += a[i] * wa + b[i] * wb;
                }
            }
            if (t < n) {
                int[] a = ring[(first + t) % taps];
                int wa = w[k + t];
                for (int i = 0; i < length; i++) {
                    sums[i] += a[i] * wa;
                }
            }
            switch (output) {
                case BYTES -> {
                    for (int i = 0, d = j * length; i < length; i++) {
                        bytesOut[d + i] = clip(sums[i] >> shift);
                    }
                }
                case BYTES_TRANSPOSED -> {
                    if (channels == RgbImage.CHANNELS) {
                        for (int i = 0, d = j * 3; i < length; i += 3, d += columnStride) {
                            bytesOut[d] = clip(sums[i] >> shift);
                            bytesOut[d + 1] = clip(sums[i + 1] >> shift);
                            bytesOut[d + 2] = clip(sums[i + 2] >> shift);
                        }
                    } else {
                        for (int i = 0, d = j * channels; i < length; i += channels, d += columnStride) {
                            for (int c = 0; c < channels; c++) {
                                bytesOut[d + c] = clip(sums[i + c] >> shift);
                            }
                        }
                    }
                }
                case FRACTION -> {
                    for (int i = 0, d = j * length; i < length; i++) {
                        fractionOut[d + i] = (short) (sums[i] >> shift);
                    }
                }
                case SUMS -> System.arraycopy(sums, 0, sumsOut, j * length, length);
            }
        }
        return output == Output.FRACTION ? FRACTION_BITS : output == Output.SUMS ? sumFraction : 0;
    }

    private static byte clip(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
