package io.mediasync.resizer.imaging.webp;

/**
 * Colour under fully transparent pixels is never seen, so it is made whatever costs least to code (as libwebp does
 * unless told -exact), in 8x8 luma blocks: in a block partly visible, the hidden pixels take the mean luma of the
 * visible ones, which removes the edge the shape would otherwise leave in the luma; a block all hidden is made flat
 * (luma and its 4x4 chroma), with the values of the hidden block before it in the row when there is one, so a run
 * of them predicts itself. Chroma under partial transparency is already weighted by alpha ({@link YuvConverter}).
 */
final class TransparentAreas {

    private static final int SIZE = 8;

    private TransparentAreas() {
    }

    static void flatten(Planes p, byte[] alpha) {
        int width = p.width;
        int height = p.height;
        for (int y0 = 0; y0 < height; y0 += SIZE) {
            int rows = Math.min(SIZE, height - y0);
            int flatY = -1;
            int flatU = 0;
            int flatV = 0;
            for (int x0 = 0; x0 < width; x0 += SIZE) {
                int columns = Math.min(SIZE, width - x0);
                boolean hidden = smoothen(p, alpha, x0, y0, columns, rows);
                if (!hidden || columns < SIZE || rows < SIZE) {
                    flatY = -1;
                    continue;
                }
                int uv = (y0 >> 1) * p.uvStride + (x0 >> 1);
                if (flatY < 0) {
                    flatY = p.y[y0 * p.yStride + x0] & 0xFF;
                    flatU = p.u[uv] & 0xFF;
                    flatV = p.v[uv] & 0xFF;
                }
                fill(p.y, p.yStride, y0 * p.yStride + x0, SIZE, flatY);
                fill(p.u, p.uvStride, uv, SIZE / 2, flatU);
                fill(p.v, p.uvStride, uv, SIZE / 2, flatV);
            }
        }
    }

    /** Gives the hidden pixels of a partly visible block the visible ones' mean luma; whether all are hidden. */
    private static boolean smoothen(Planes p, byte[] alpha, int x0, int y0, int columns, int rows) {
        int sum = 0;
        int count = 0;
        for (int y = y0; y < y0 + rows; y++) {
            for (int x = x0; x < x0 + columns; x++) {
                if (alpha[y * p.width + x] != 0) {
                    count++;
                    sum += p.y[y * p.yStride + x] & 0xFF;
                }
            }
        }
        if (count > 0 && count < columns * rows) {
            byte mean = (byte) (sum / count);
            for (int y = y0; y < y0 + rows; y++) {
                for (int x = x0; x < x0 + columns; x++) {
                    if (alpha[y * p.width + x] == 0) {
                        p.y[y * p.yStride + x] = mean;
                    }
                }
            }
        }
        return count == 0;
    }

    private static void fill(byte[] plane, int stride, int at, int size, int value) {
        for (int row = 0; row < size; row++) {
            java.util.Arrays.fill(plane, at + row * stride, at + row * stride + size, (byte) value);
        }
    }
}
