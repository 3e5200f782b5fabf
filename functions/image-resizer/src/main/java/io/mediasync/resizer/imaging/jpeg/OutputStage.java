package io.mediasync.resizer.imaging.jpeg;

/**
 * Receives the IDCT output of each component, one iMCU row at a time, into small circular row buffers, and turns
 * every output row, as soon as all it depends on is decoded, into pixels: resampling of each component to the output
 * grid, then colour conversion. Only the output image is full size.
 * <p>
 * A component reaches the output grid by upsampling (libjpeg's "fancy" triangle filter for 2:1 ratios, as ImageIO
 * uses; replication for other ratios and for 1x1 blocks, as libjpeg does) or, when its square blocks carry more
 * samples along one axis than the output needs (4:2:2 at 1/8 scale, 4:1:1...), by averaging along that axis, which
 * keeps reduced-scale output a box average of the full decode.
 */
final class OutputStage extends BlockOutput {

    private final ColourKind kind;
    private final Component[] components;
    final int width;
    final int height;
    final byte[] pixels;
    private final int bands;

    /** Rows held per component: two iMCU rows (one being written, the one before it for context). */
    private final int[] capacity;
    private final int[] rowsPerIMcu;
    /** The component's real size at this scale (padding beyond it is never read). */
    private final int[] realWidth;
    private final int[] realHeight;
    /** Per axis, output samples per component sample (up) or component samples per output sample (down). */
    private final int[] hUp;
    private final int[] vUp;
    private final int[] hDown;
    private final int[] vDown;
    private final boolean[] fancy;
    private final byte[][] columnBuffer;
    private final byte[][] rowBuffer;

    private final byte[][] rowArrays;
    private final int[] rowOffsets;
    private int emitted;

    /**
     * @param base the block size of a component with the frame's largest sampling (8 / denominator); each
     *             component's own {@link Component#scaledSize} is already set
     */
    OutputStage(Frame frame, int base, ColourKind kind) throws JpegException {
        super(frame.components.length);
        this.kind = kind;
        this.components = frame.components;
        this.width = Frame.ceilDiv((long) frame.width * base, 8);
        this.height = Frame.ceilDiv((long) frame.height * base, 8);
        this.bands = kind.bands();
        this.pixels = new byte[Math.multiplyExact(Math.multiplyExact(width, height), bands)];
        int n = components.length;
        capacity = new int[n];
        rowsPerIMcu = new int[n];
        realWidth = new int[n];
        realHeight = new int[n];
        hUp = new int[n];
        vUp = new int[n];
        hDown = new int[n];
        vDown = new int[n];
        fancy = new boolean[n];
        columnBuffer = new byte[n][];
        rowBuffer = new byte[n][];
        rowArrays = new byte[n][];
        rowOffsets = new int[n];
        for (int i = 0; i < n; i++) {
            Component c = components[i];
            int size = c.scaledSize;
            int hScaled = c.h * size;
            int vScaled = c.v * size;
            int hOut = frame.maxH * base;
            int vOut = frame.maxV * base;
            if (hOut % hScaled != 0 && hScaled % hOut != 0 || vOut % vScaled != 0 && vScaled % vOut != 0) {
                throw JpegException.unsupported("sampling factors that are not whole multiples of each other");
            }
            hUp[i] = Math.max(1, hOut / hScaled);
            hDown[i] = Math.max(1, hScaled / hOut);
            vUp[i] = Math.max(1, vOut / vScaled);
            vDown[i] = Math.max(1, vScaled / vOut);
            fancy[i] = size > 1 && hUp[i] == 2 && vUp[i] <= 2 && vDown[i] == 1;
            strides[i] = c.paddedWidthInBlocks * size;
            rowsPerIMcu[i] = vScaled;
            capacity[i] = 2 * vScaled;
            planes[i] = new byte[strides[i] * capacity[i]];
            realWidth[i] = Frame.ceilDiv((long) frame.width * hScaled, 8L * frame.maxH);
            realHeight[i] = Frame.ceilDiv((long) frame.height * vScaled, 8L * frame.maxV);
            if (vDown[i] > 1) {
                columnBuffer[i] = new byte[realWidth[i]];
            }
            if (hUp[i] > 1 || hDown[i] > 1) {
                rowBuffer[i] = new byte[realWidth[i] * hUp[i] + 1];
            }
        }
    }

    @Override
    int rowOffset(int component, int row) {
        return (row % capacity[component]) * strides[component];
    }

    /** Outputs every row that can now be made. */
    @Override
    void iMcuRowDone(int iMcuRow, boolean last) {
        int ready = height;
        if (!last) {
            for (int i = 0; i < components.length; i++) {
                int available = (iMcuRow + 1) * rowsPerIMcu[i];
                int rows = fancy[i] && vUp[i] == 2 ? 2 * available - 2 // the row below is context
                        : available * vUp[i] / vDown[i];
                ready = Math.min(ready, rows);
            }
        }
        for (; emitted < ready; emitted++) {
            emitRow(emitted);
        }
    }

    private void emitRow(int y) {
        for (int i = 0; i < components.length; i++) {
            prepareRow(i, y);
        }
        int o = y * width * bands;
        switch (kind) {
            case YCC -> ColourConverter.ycc(rowArrays[0], rowOffsets[0], rowArrays[1], rowOffsets[1],
                    rowArrays[2], rowOffsets[2], pixels, o, width);
            case RGB -> ColourConverter.rgb(rowArrays[0], rowOffsets[0], rowArrays[1], rowOffsets[1],
                    rowArrays[2], rowOffsets[2], pixels, o, width);
            case GRAY -> ColourConverter.gray(rowArrays[0], rowOffsets[0], pixels, o, width);
            case CMYK -> ColourConverter.cmyk(rowArrays, rowOffsets, pixels, o, width);
            case YCCK -> ColourConverter.ycck(rowArrays, rowOffsets, pixels, o, width);
        }
    }

    /** Points rowArrays/rowOffsets[i] at component i's samples for output row y, on the output grid. */
    private void prepareRow(int i, int y) {
        byte[] plane = planes[i];
        int count = realWidth[i];
        if (fancy[i] && vUp[i] == 2) {
            int row = y >> 1;
            int far = (y & 1) == 0 ? Math.max(row - 1, 0) : Math.min(row + 1, realHeight[i] - 1);
            Upsampler.h2v2(plane, rowOffset(i, row), rowOffset(i, far), count, rowBuffer[i]);
            rowArrays[i] = rowBuffer[i];
            rowOffsets[i] = 0;
            return;
        }
        byte[] source = plane;
        int at;
        if (vDown[i] > 1) {
            int first = y * vDown[i];
            averageRows(i, first, Math.min(vDown[i], realHeight[i] - first), count, columnBuffer[i]);
            source = columnBuffer[i];
            at = 0;
        } else {
            at = rowOffset(i, Math.min(y / vUp[i], realHeight[i] - 1));
        }
        if (fancy[i]) {
            Upsampler.h2v1(source, at, count, rowBuffer[i]);
        } else if (hUp[i] > 1) {
            Upsampler.replicate(source, at, count, hUp[i], rowBuffer[i]);
        } else if (hDown[i] > 1) {
            Upsampler.averageColumns(source, at, count, hDown[i], rowBuffer[i]);
        } else {
            rowArrays[i] = source;
            rowOffsets[i] = at;
            return;
        }
        rowArrays[i] = rowBuffer[i];
        rowOffsets[i] = 0;
    }

    private void averageRows(int i, int first, int rows, int count, byte[] out) {
        int half = rows / 2;
        for (int x = 0; x < count; x++) {
            int sum = half;
            for (int r = 0; r < rows; r++) {
                sum += planes[i][rowOffset(i, first + r) + x] & 0xFF;
            }
            out[x] = (byte) (sum / rows);
        }
    }
}
