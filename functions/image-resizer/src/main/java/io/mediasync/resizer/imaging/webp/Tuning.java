package io.mediasync.resizer.imaging.webp;

/**
 * The encoder's trade-offs in one place: dead-zone roundings (1/256 of a step), lambda scales (lambda is
 * {@code scale * step^2 / 128}), the strength of the segment-based adaptive quantisation (libwebp's -sns, 0..100)
 * and the scale of the loop filter's level (libwebp's -f; 100 filters a step of the quantiser by about 2/3).
 */
record Tuning(int y1DcRounding, int y1AcRounding, int y2DcRounding, int y2AcRounding, int uvDcRounding,
              int uvAcRounding, int lambdaScale, int lambdaUvScale, int snsStrength, int filterStrength) {

    /**
     * libwebp's roundings and lambdas; half its default -sns and nearly twice its -f, which measured best for
     * PSNR on the benchmark's renditions (segments still adapt, but fidelity to the pixels comes first).
     */
    static final Tuning DEFAULT = new Tuning(96, 110, 96, 108, 110, 115, 3, 3, 25, 110);
}
