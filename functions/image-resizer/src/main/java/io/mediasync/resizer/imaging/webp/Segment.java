package io.mediasync.resizer.imaging.webp;

/**
 * The coding parameters a group of macroblocks shares (RFC 6386 9.3): a quantiser index, from which the three
 * dequantisation matrices follow, and a loop-filter level; plus the encoder's rate-distortion weights for them.
 */
final class Segment {
    /** The quantiser index, 0..127, of the luma AC coefficients; the other steps follow from it. */
    final int quantizer;
    final QuantMatrix y1;
    final QuantMatrix y2;
    final QuantMatrix uv;
    /** Cost of a bit in squared-error units for luma decisions, then for chroma. */
    final int lambda;
    final int lambdaUv;
    int filterLevel;

    Segment(int quantizer, int uvDcDelta, int uvAcDelta, Tuning tuning) {
        this.quantizer = quantizer;
        int ac = Vp8Tables.AC_QUANT[clip(quantizer, 127)];
        y1 = new QuantMatrix(Vp8Tables.DC_QUANT[clip(quantizer, 127)], ac, tuning.y1DcRounding(), tuning.y1AcRounding());
        // the decoder's Y2 steps: twice the DC step, and the AC step times 155/100 but at least 8
        y2 = new QuantMatrix(2 * Vp8Tables.DC_QUANT[clip(quantizer, 127)], Math.max(8, ac * 155 / 100),
                tuning.y2DcRounding(), tuning.y2AcRounding());
        uv = new QuantMatrix(Vp8Tables.DC_QUANT[clip(quantizer + uvDcDelta, 117)],
                Vp8Tables.AC_QUANT[clip(quantizer + uvAcDelta, 127)], tuning.uvDcRounding(), tuning.uvAcRounding());
        int step = y1.averageStep();
        lambda = Math.max(1, tuning.lambdaScale() * step * step >> 7);
        int uvStep = uv.averageStep();
        lambdaUv = Math.max(1, tuning.lambdaUvScale() * uvStep * uvStep >> 7);
    }

    private static int clip(int q, int max) {
        return q < 0 ? 0 : Math.min(q, max);
    }
}
