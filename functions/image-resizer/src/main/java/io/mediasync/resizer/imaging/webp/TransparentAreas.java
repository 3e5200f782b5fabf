package io.mediasync.resizer.imaging.webp;

/**
 * Colour under fully transparent pixels is never seen, so a macroblock that is entirely transparent is made flat
 * before coding, with the values of the flattened macroblock to its left when there is one (then it predicts
 * from it exactly and costs almost nothing), else with its own averages.
 */
final class TransparentAreas {

    private TransparentAreas() {
    }

    static void flatten(Planes p, byte[] alpha) {
        for (int mbY = 0; mbY < p.mbHeight; mbY++) {
            int y = -1;
            int u = -1;
            int v = -1;
            for (int mbX = 0; mbX < p.mbWidth; mbX++) {
                if (!transparent(alpha, p.width, p.height, mbX, mbY)) {
                    y = -1;
                    continue;
                }
                if (y < 0) {
                    y = average(p.y, p.yStride, mbX * 16, mbY * 16, 16);
                    u = average(p.u, p.uvStride, mbX * 8, mbY * 8, 8);
                    v = average(p.v, p.uvStride, mbX * 8, mbY * 8, 8);
                }
                fill(p.y, p.yStride, mbX * 16, mbY * 16, 16, y);
                fill(p.u, p.uvStride, mbX * 8, mbY * 8, 8, u);
                fill(p.v, p.uvStride, mbX * 8, mbY * 8, 8, v);
            }
        }
    }

    private static boolean transparent(byte[] alpha, int width, int height, int mbX, int mbY) {
        int x1 = Math.min(width, mbX * 16 + 16);
        int y1 = Math.min(height, mbY * 16 + 16);
        for (int y = mbY * 16; y < y1; y++) {
            for (int x = mbX * 16; x < x1; x++) {
                if (alpha[y * width + x] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int average(byte[] plane, int stride, int x0, int y0, int size) {
        int sum = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                sum += plane[y * stride + x] & 0xFF;
            }
        }
        return (sum + size * size / 2) / (size * size);
    }

    private static void fill(byte[] plane, int stride, int x0, int y0, int size, int value) {
        for (int y = y0; y < y0 + size; y++) {
            java.util.Arrays.fill(plane, y * stride + x0, y * stride + x0 + size, (byte) value);
        }
    }
}
