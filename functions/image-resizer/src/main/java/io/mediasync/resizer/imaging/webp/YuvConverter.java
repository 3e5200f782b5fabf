package io.mediasync.resizer.imaging.webp;

/**
 * B, G, R pixels to the 4:2:0 Y'CbCr a VP8 frame holds: BT.601 with Y in 16..235, in libwebp's 16-bit fixed
 * point, so a decoder's usual conversion back is the inverse cwebp's output is made for. Chroma is the
 * conversion of the average of each 2x2 block (edge pixels standing in for the missing ones of an odd size).
 */
final class YuvConverter {

    private static final int HALF = 1 << 15;

    private YuvConverter() {
    }

    static Planes convert(int width, int height, byte[] bgr, int offset, int stride) {
        Planes p = new Planes(width, height);
        for (int y = 0; y < height; y++) {
            int s = offset + y * stride;
            int d = y * p.yStride;
            for (int x = 0; x < width; x++, s += 3) {
                int b = bgr[s] & 0xFF;
                int g = bgr[s + 1] & 0xFF;
                int r = bgr[s + 2] & 0xFF;
                p.y[d + x] = (byte) ((16839 * r + 33059 * g + 6420 * b + HALF + (16 << 16)) >> 16);
            }
        }
        int chromaWidth = (width + 1) >> 1;
        int chromaHeight = (height + 1) >> 1;
        for (int cy = 0; cy < chromaHeight; cy++) {
            int row0 = offset + 2 * cy * stride;
            int row1 = offset + Math.min(2 * cy + 1, height - 1) * stride;
            for (int cx = 0; cx < chromaWidth; cx++) {
                int x0 = 6 * cx;
                int x1 = 3 * Math.min(2 * cx + 1, width - 1);
                int b = (bgr[row0 + x0] & 0xFF) + (bgr[row0 + x1] & 0xFF) + (bgr[row1 + x0] & 0xFF)
                        + (bgr[row1 + x1] & 0xFF);
                int g = (bgr[row0 + x0 + 1] & 0xFF) + (bgr[row0 + x1 + 1] & 0xFF) + (bgr[row1 + x0 + 1] & 0xFF)
                        + (bgr[row1 + x1 + 1] & 0xFF);
                int r = (bgr[row0 + x0 + 2] & 0xFF) + (bgr[row0 + x1 + 2] & 0xFF) + (bgr[row1 + x0 + 2] & 0xFF)
                        + (bgr[row1 + x1 + 2] & 0xFF);
                int i = cy * p.uvStride + cx;
                p.u[i] = (byte) ((-9719 * r - 19081 * g + 28800 * b + (HALF << 2) + (128 << 18)) >> 18);
                p.v[i] = (byte) ((28800 * r - 24116 * g - 4684 * b + (HALF << 2) + (128 << 18)) >> 18);
            }
        }
        p.replicateEdges();
        return p;
    }
}
