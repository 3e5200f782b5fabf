package io.mediasync.resizer.imaging.webp;

/**
 * Quantisation of one kind of block (luma, luma DC/Y2, chroma) at one quantiser: a step for the DC and one for the
 * 15 AC coefficients, as the decoder dequantises. Levels are rounded with a dead zone: {@code (|c| + q * rounding)
 * / q} with rounding below 1/2, because a coefficient just above half a step costs more bits than it saves error.
 */
final class QuantMatrix {

    private static final int SHIFT = 17;

    final int dcStep;
    final int acStep;
    private final int dcInverse;
    private final int acInverse;
    private final int dcBias;
    private final int acBias;
    private final int dcZero;
    private final int acZero;

    /** @param dcRounding, acRounding the rounding offsets in 1/256 of a step */
    QuantMatrix(int dcStep, int acStep, int dcRounding, int acRounding) {
        this.dcStep = dcStep;
        this.acStep = acStep;
        dcInverse = (1 << SHIFT) / dcStep;
        acInverse = (1 << SHIFT) / acStep;
        dcBias = dcRounding << (SHIFT - 8);
        acBias = acRounding << (SHIFT - 8);
        // the largest magnitude that still quantises to zero
        dcZero = ((1 << SHIFT) - 1 - dcBias) / dcInverse;
        acZero = ((1 << SHIFT) - 1 - acBias) / acInverse;
    }

    /** Average step of a block, which sets the rate-distortion trade-off (lambda) of its mode decisions. */
    int averageStep() {
        return (dcStep + 15 * acStep + 8) >> 4;
    }

    /**
     * Quantises coefficients {@code first..15} (coding order) of the block at {@code c} in place: the levels go to
     * {@code levels[l + n]}, the dequantised values (what the decoder will see) back into {@code coefficients}.
     *
     * @return {@code error << 8 | (last + 1)}: the squared quantisation error summed over those coefficients, and
     *         the coding-order index of the last non-zero level (-1 if there is none)
     */
    long quantize(int[] coefficients, int c, int[] levels, int l, int first) {
        int last = -1;
        long error = 0;
        for (int n = first; n < 16; n++) {
            int j = c + Vp8Tables.ZIGZAG[n];
            int value = coefficients[j];
            int magnitude = value < 0 ? -value : value;
            boolean dc = n == 0;
            int level = 0;
            if (magnitude > (dc ? dcZero : acZero)) {
                level = (magnitude * (dc ? dcInverse : acInverse) + (dc ? dcBias : acBias)) >> SHIFT;
                if (level > Vp8Tables.MAX_LEVEL) {
                    level = Vp8Tables.MAX_LEVEL;
                }
                last = n;
            }
            int dequantized = level * (dc ? dcStep : acStep);
            int difference = magnitude - dequantized;
            error += difference * difference;
            levels[l + n] = value < 0 ? -level : level;
            coefficients[j] = value < 0 ? -dequantized : dequantized;
        }
        return error << 8 | (last + 1);
    }

    static int last(long quantized) {
        return (int) (quantized & 0xFF) - 1;
    }

    static long error(long quantized) {
        return quantized >>> 8;
    }
}
