package io.mediasync.resizer.imaging.webp;

/**
 * B, G, R pixels to the 4:2:0 Y'CbCr a VP8 frame holds: BT.601 with Y in 16..235, in libwebp's 16-bit fixed
 * point, so a decoder's usual conversion back is the inverse cwebp's output is made for. Chroma is the
 * conversion of the average of each 2x2 block (edge pixels standing in for the missing ones of an odd size),
 * weighted by alpha where the block is partly transparent, so hidden colour does not bleed into visible pixels.
 * Rows go by pairs, each pixel read once.
 */
final class YuvConverter {

    private static final int HALF = 1 << 15;

    private YuvConverter() {
    }

    /** @param alpha width * height opacities, or null */
    static Planes convert(int width, int height, byte[] bgr, int offset, int stride, byte[] alpha) {
        Planes p = new Planes(width, height);
        byte[] yPlane = p.y;
        for (int y = 0; y < height; y += 2) {
            int row0 = offset + y * stride;
            int row1 = offset + Math.min(y + 1, height - 1) * stride;
            int out0 = y * p.yStride;
            int out1 = Math.min(y + 1, height - 1) * p.yStride; // a last odd row converts itself twice
            int chroma = (y >> 1) * p.uvStride;
            for (int x = 0; x < width; x += 2) {
                int a = row0 + 3 * x;
                int c = row1 + 3 * x;
                int next = x + 1 < width ? 3 : 0;
                int b0 = bgr[a] & 0xFF, g0 = bgr[a + 1] & 0xFF, r0 = bgr[a + 2] & 0xFF;
                int b1 = bgr[a + next] & 0xFF, g1 = bgr[a + next + 1] & 0xFF, r1 = bgr[a + next + 2] & 0xFF;
                int b2 = bgr[c] & 0xFF, g2 = bgr[c + 1] & 0xFF, r2 = bgr[c + 2] & 0xFF;
                int b3 = bgr[c + next] & 0xFF, g3 = bgr[c + next + 1] & 0xFF, r3 = bgr[c + next + 2] & 0xFF;
                yPlane[out0 + x] = luma(r0, g0, b0);
                yPlane[out1 + x] = luma(r2, g2, b2);
                if (next != 0) {
                    yPlane[out0 + x + 1] = luma(r1, g1, b1);
                    yPlane[out1 + x + 1] = luma(r3, g3, b3);
                }
                int r = r0 + r1 + r2 + r3;
                int g = g0 + g1 + g2 + g3;
                int b = b0 + b1 + b2 + b3;
                if (alpha != null) {
                    int i0 = y * width + x;
                    int i1 = Math.min(y + 1, height - 1) * width + x;
                    int a0 = alpha[i0] & 0xFF;
                    int a1 = alpha[i0 + next / 3] & 0xFF;
                    int a2 = alpha[i1] & 0xFF;
                    int a3 = alpha[i1 + next / 3] & 0xFF;
                    int total = a0 + a1 + a2 + a3;
                    if (total != 0 && total != 4 * 255) { // the alpha-weighted mean, still as a sum of four
                        r = (4 * (a0 * r0 + a1 * r1 + a2 * r2 + a3 * r3) + total / 2) / total;
                        g = (4 * (a0 * g0 + a1 * g1 + a2 * g2 + a3 * g3) + total / 2) / total;
                        b = (4 * (a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3) + total / 2) / total;
                    }
                }
                p.u[chroma + (x >> 1)] = (byte) ((-9719 * r - 19081 * g + 28800 * b + (HALF << 2) + (128 << 18)) >> 18);
                p.v[chroma + (x >> 1)] = (byte) ((28800 * r - 24116 * g - 4684 * b + (HALF << 2) + (128 << 18)) >> 18);
            }
        }
        p.replicateEdges();
        return p;
    }

    private static byte luma(int r, int g, int b) {
        return (byte) ((16839 * r + 33059 * g + 6420 * b + HALF + (16 << 16)) >> 16);
    }
}
