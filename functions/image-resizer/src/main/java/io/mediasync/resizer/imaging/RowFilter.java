package io.mediasync.resizer.imaging;

import java.util.Arrays;

/**
 * One pass of the separable filter, along whole rows: output row j is the weighted sum of input rows start[j]..
 * The input rows in use are loaded once into a ring of {@code taps} int rows (the window only slides down), so the
 * multiply-add runs over plain int arrays, a loop the JIT turns into SIMD (a byte-to-int widening in the same loop
 * would keep it scalar on Java 17).
 * <p>
 * Input is bytes (a plane) or ints with {@link #FRACTION_BITS} fractional bits (the unrounded output of an earlier
 * pass). Sums stay inside an int: bytes times 22-bit weights (Pillow's choice: 8 bits of pixel, 2 of headroom for
 * the kernel's lobes), or 14-bit ints times {@link #INT_INPUT_WEIGHT_BITS}-bit weights.
 */
final class RowFilter {

    /** Weight precision for byte input. */
    static final int BYTE_INPUT_WEIGHT_BITS = 22;
    /** Weight precision for int input: 2^14 x 1.3 (the kernel's largest gain) x 2^15 stays below 2^31. */
    static final int INT_INPUT_WEIGHT_BITS = 15;
    /** Fractional bits of unrounded int rows handed from one pass to the next. */
    static final int FRACTION_BITS = 6;

    private RowFilter() {
    }

    /** Where the rows come from: a byte plane's rows, or packed int rows with {@link #FRACTION_BITS}. */
    interface Rows {
        void load(int row, int[] into);

        /** Fractional bits of the values. */
        int fraction();

        /** The weight precision that keeps this input's sums inside an int. */
        default int weightBits() {
            return fraction() == 0 ? BYTE_INPUT_WEIGHT_BITS : INT_INPUT_WEIGHT_BITS;
        }
    }

    static Rows of(Plane plane) {
        return new Rows() {
            @Override
            public void load(int row, int[] into) {
                byte[] in = plane.samples();
                for (int i = 0, from = plane.offset() + row * plane.stride(); i < into.length; i++) {
                    into[i] = in[from + i] & 0xFF;
                }
            }

            @Override
            public int fraction() {
                return 0;
            }
        };
    }

    static Rows of(int[] packed, int length) {
        return new Rows() {
            @Override
            public void load(int row, int[] into) {
                System.arraycopy(packed, row * length, into, 0, length);
            }

            @Override
            public int fraction() {
                return FRACTION_BITS;
            }
        };
    }

    /** Rows of bytes, rounded and clamped to 0..255. */
    static void toBytes(Rows in, int length, Weights weights, byte[] out) {
        int shift = weights.bits + in.fraction();
        filter(in, length, weights, 1 << (shift - 1), (j, sums) -> {
            for (int i = 0, d = j * length; i < length; i++) {
                out[d + i] = clip(sums[i] >> shift);
            }
        });
    }

    /**
     * Rows of bytes, rounded and clamped, each stored as a column of {@code out} (an image of {@code length /
     * channels} rows): B, G, R pixels are written transposed straight away, 3 bytes at a time, which is cheaper for
     * them than a separate transposition (single bytes go through {@link Transposer}'s 8 x 8 tiles instead).
     */
    static void toBytesTransposed(Rows in, int length, int channels, Weights weights, byte[] out) {
        int shift = weights.bits + in.fraction();
        int columnStride = weights.size() * channels;
        filter(in, length, weights, 1 << (shift - 1), (j, sums) -> {
            if (channels == RgbImage.CHANNELS) {
                for (int i = 0, d = j * 3; i < length; i += 3, d += columnStride) {
                    out[d] = clip(sums[i] >> shift);
                    out[d + 1] = clip(sums[i + 1] >> shift);
                    out[d + 2] = clip(sums[i + 2] >> shift);
                }
                return;
            }
            for (int i = 0, d = j * channels; i < length; i += channels, d += columnStride) {
                for (int c = 0; c < channels; c++) {
                    out[d + c] = clip(sums[i + c] >> shift);
                }
            }
        });
    }

    /** Rows of unrounded ints with {@link #FRACTION_BITS} fractional bits, for a further pass. */
    static void toFraction(Rows in, int length, Weights weights, int[] out) {
        int shift = weights.bits + in.fraction() - FRACTION_BITS;
        filter(in, length, weights, 1 << (shift - 1), (j, sums) -> {
            for (int i = 0, d = j * length; i < length; i++) {
                out[d + i] = sums[i] >> shift;
            }
        });
    }

    /** Rows of the sums as they are; returns their fractional bits. */
    static int toSums(Rows in, int length, Weights weights, int[] out) {
        filter(in, length, weights, 0, (j, sums) -> System.arraycopy(sums, 0, out, j * length, length));
        return weights.bits + in.fraction();
    }

    private static byte clip(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private interface Sink {
        void row(int j, int[] sums);
    }

    private static void filter(Rows in, int length, Weights weights, int bias, Sink out) {
        int taps = weights.taps;
        int[][] ring = new int[taps][length];
        int[] ringRow = new int[taps];
        Arrays.fill(ringRow, -1);
        int[] sums = new int[length];
        int[] w = weights.coefficients;
        for (int j = 0; j < weights.size(); j++) {
            int first = weights.start[j];
            int n = weights.count[j];
            for (int t = 0; t < n; t++) {
                int slot = (first + t) % taps;
                if (ringRow[slot] != first + t) {
                    in.load(first + t, ring[slot]);
                    ringRow[slot] = first + t;
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
            out.row(j, sums);
        }
    }
}
