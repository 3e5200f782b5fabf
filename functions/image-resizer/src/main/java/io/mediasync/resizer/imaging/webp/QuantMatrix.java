package io.mediasync.resizer.imaging.webp;

/**
 * Quantisation of one kind of block (luma, luma DC/Y2, chroma) at one quantiser: a step for the DC and one for the
 * 15 AC coefficients, as the decoder dequantises ({@link TokenCosts#quantize} applies it). Levels are rounded with a dead zone: {@code (|c| + q * rounding)
 * / q} with rounding below 1/2, because a coefficient just above half a step costs more bits than it saves error.
 */
final class QuantMatrix {

    static final int SHIFT = 17;

    final int dcStep;
    final int acStep;
    /** {@code 2^SHIFT / step}: a level is {@code (|c| * inverse + bias) >> SHIFT}. */
    final int dcInverse;
    final int acInverse;
    final int dcBias;
    final int acBias;
    /** The largest magnitude that quantises to zero. */
    final int dcZero;
    final int acZero;

    /** @param dcRounding, acRounding the rounding offsets in 1/256 of a step */
    QuantMatrix(int dcStep, int acStep, int dcRounding, int acRounding) {
        this.dcStep = dcStep;
        this.acStep = acStep;
        dcInverse = (1 << SHIFT) / dcStep;
        acInverse = (1 << SHIFT) / acStep;
        dcBias = dcRounding << (SHIFT - 8);
        acBias = acRounding << (SHIFT - 8);
        dcZero = ((1 << SHIFT) - 1 - dcBias) / dcInverse;
        acZero = ((1 << SHIFT) - 1 - acBias) / acInverse;
    }

    /** Average step of a block, which sets the rate-distortion trade-off (lambda) of its mode decisions. */
    int averageStep() {
        return (dcStep + 15 * acStep + 8) >> 4;
    }
}
