package io.mediasync.resizer.imaging.jpeg;

/**
 * Keeps every component's samples as decoded, each a whole plane at its own resolution: no upsampling and no colour
 * conversion, which the caller does at its (smaller) output size. Planes keep the MCU grid's padding as stride.
 */
final class PlanarOutput extends BlockOutput {

    private final Frame frame;
    private final int base;
    private final byte[][] means;

    /** Each component's {@link Component#scaledSize} is already set. */
    PlanarOutput(Frame frame, int base) {
        super(frame.components.length);
        this.frame = frame;
        this.base = base;
        int n = frame.components.length;
        means = new byte[n][];
        for (int i = 0; i < n; i++) {
            Component c = frame.components[i];
            strides[i] = c.paddedWidthInBlocks * c.scaledSize;
            planes[i] = new byte[Math.multiplyExact(strides[i], c.paddedHeightInBlocks * c.scaledSize)];
            means[i] = c.scaledSize > 1 ? new byte[c.paddedWidthInBlocks * c.paddedHeightInBlocks] : null;
        }
    }

    @Override
    int rowOffset(int component, int row) {
        return row * strides[component];
    }

    @Override
    byte[] means(int component) {
        return means[component];
    }

    @Override
    int meansStride(int component) {
        return frame.components[component].paddedWidthInBlocks;
    }

    @Override
    void iMcuRowDone(int iMcuRow, boolean last) {
        // the planes are whole: nothing to emit
    }

    /**
     * The planes, each cut to the samples that cover the image (as libjpeg sizes a scaled component), with its block
     * means (a block at the image's edge includes the encoder's padding beyond it, which repeats the edge).
     */
    JpegPlane[] planes() {
        JpegPlane[] result = new JpegPlane[planes.length];
        for (int i = 0; i < planes.length; i++) {
            Component c = frame.components[i];
            int width = Frame.ceilDiv((long) frame.width * c.h * c.scaledSize, 8L * frame.maxH);
            int height = Frame.ceilDiv((long) frame.height * c.v * c.scaledSize, 8L * frame.maxV);
            int size = c.scaledSize;
            JpegPlane blockMeans = means[i] == null ? null : new JpegPlane(means[i], Frame.ceilDiv(width, size),
                    Frame.ceilDiv(height, size), c.paddedWidthInBlocks, 1, 1, null, 0);
            result[i] = new JpegPlane(planes[i], width, height, strides[i], frame.maxH * base / (c.h * size),
                    frame.maxV * base / (c.v * size), blockMeans, size);
        }
        return result;
    }
}
