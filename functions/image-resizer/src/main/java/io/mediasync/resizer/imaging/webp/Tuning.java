package io.mediasync.resizer.imaging.webp;

/**
 * The encoder's trade-offs in one place: dead-zone roundings (1/256 of a step), lambda scales (lambda is
 * {@code scale * step^2 / 128}), the strength of the segment-based adaptive quantisation (0..100, libwebp's
 * -sns) and of the loop filter (0..100, libwebp's -f).
 */
record Tuning(int y1DcRounding, int y1AcRounding, int y2DcRounding, int y2AcRounding, int uvDcRounding,
              int uvAcRounding, int lambdaScale, int lambdaUvScale, int snsStrength, int filterStrength) {

    static final Tuning DEFAULT = new Tuning(96, 110, 96, 108, 110, 115, 3, 3, 25, 110);
}
