package io.mediasync.resizer.imaging.webp;

/**
 * A 4:2:0 frame padded to whole macroblocks: Y at {@code mbWidth * 16} samples a row, U and V at half that.
 * The visible picture is the top-left {@code width x height} (chroma {@code (width + 1) / 2} wide).
 */
final class Planes {
    final int width;
    final int height;
    final int mbWidth;
    final int mbHeight;
    final int yStride;
    final int uvStride;
    final byte[] y;
    final byte[] u;
    final byte[] v;

    Planes(int width, int height) {
        this.width = width;
        this.height = height;
        mbWidth = (width + 15) >> 4;
        mbHeight = (height + 15) >> 4;
        yStride = mbWidth * 16;
        uvStride = mbWidth * 8;
        y = new byte[yStride * mbHeight * 16];
        u = new byte[uvStride * mbHeight * 8];
        v = new byte[uvStride * mbHeight * 8];
    }

    Planes copy() {
        Planes copy = new Planes(width, height);
        System.arraycopy(y, 0, copy.y, 0, y.length);
        System.arraycopy(u, 0, copy.u, 0, u.length);
        System.arraycopy(v, 0, copy.v, 0, v.length);
        return copy;
    }

    /** Fills the padding right of and below the picture with copies of its last column and row. */
    void replicateEdges() {
        replicate(y, yStride, mbHeight * 16, width, height);
        int chromaWidth = (width + 1) >> 1;
        int chromaHeight = (height + 1) >> 1;
        replicate(u, uvStride, mbHeight * 8, chromaWidth, chromaHeight);
        replicate(v, uvStride, mbHeight * 8, chromaWidth, chromaHeight);
    }

    private static void replicate(byte[] plane, int stride, int rows, int width, int height) {
        for (int row = 0; row < height; row++) {
            int start = row * stride;
            byte last = plane[start + width - 1];
            for (int x = width; x < stride; x++) {
                plane[start + x] = last;
            }
        }
        for (int row = height; row < rows; row++) {
            System.arraycopy(plane, (height - 1) * stride, plane, row * stride, stride);
        }
    }

    /** The visible part of one plane, rows packed. */
    static byte[] crop(byte[] plane, int stride, int width, int height) {
        byte[] out = new byte[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(plane, row * stride, out, row * width, width);
        }
        return out;
    }
}
