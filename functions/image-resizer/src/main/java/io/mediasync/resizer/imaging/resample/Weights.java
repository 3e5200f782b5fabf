package io.mediasync.resizer.imaging.resample;

/**
 * A Lanczos-3 filter along one axis, for each output pixel: the first source pixel, how many follow, and their
 * weights in fixed point (Pillow's {@code precompute_coeffs}): when shrinking, the kernel is stretched by the scale
 * factor so that every source pixel under an output pixel contributes, which is what prevents aliasing.
 */
public final class Weights {

    private static final double LANCZOS_SUPPORT = 3.0;

    final int[] start;
    final int[] count;
    /** {@code taps} slots per output pixel, only the first {@code count[i]} used; 1.0 is 2^{@link #bits}. */
    final int[] coefficients;
    final int taps;
    final int bits;

    private Weights(int[] start, int[] count, int[] coefficients, int taps, int bits) {
        this.start = start;
        this.count = count;
        this.coefficients = coefficients;
        this.taps = taps;
        this.bits = bits;
    }

    int size() {
        return start.length;
    }

    int first() {
        return start[0];
    }

    int end() {
        int last = start.length - 1;
        return start[last] + count[last];
    }

    /** The same weights with every start moved by {@code delta}. */
    Weights shifted(int delta) {
        int[] moved = start.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += delta;
        }
        return new Weights(moved, count, coefficients, taps, bits);
    }

    /**
     * Maps [in0, in1) of a line of {@code inSize} pixels onto {@code outSize} pixels, weights of {@code bits}
     * fractional bits.
     */
    static Weights lanczos(int inSize, double in0, double in1, int outSize, int bits) {
        double scale = (in1 - in0) / outSize;
        double filterScale = Math.max(scale, 1.0); // stretch the kernel only when shrinking
        double support = LANCZOS_SUPPORT * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] coefficients = new int[outSize * taps];
        double[] weights = new double[taps];
        for (int i = 0; i < outSize; i++) {
            double center = in0 + (i + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize);
            int n = max - min;
            double total = 0.0;
            for (int j = 0; j < n; j++) {
                double w = lanczos3((j + min - center + 0.5) / filterScale);
                weights[j] = w;
                total += w;
            }
            for (int j = 0; j < n; j++) {
                double w = total != 0.0 ? weights[j] / total : 0.0;
                coefficients[i * taps + j] = (int) Math.round(w * (1 << bits));
            }
            start[i] = min;
            count[i] = n;
        }
        return new Weights(start, count, coefficients, taps, bits);
    }

    public static double lanczos3(double x) {
        if (x <= -LANCZOS_SUPPORT || x >= LANCZOS_SUPPORT) {
            return 0.0;
        }
        return sinc(x) * sinc(x / LANCZOS_SUPPORT);
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }
}
