package io.mediasync.resizer.imaging.webp;

/**
 * Moves a macroblock between the frame's planes and {@link MacroblockEncoder}'s buffers: the source pixels, the
 * edges of the reconstruction it is predicted from (with the RFC's 127 above and 129 left of the frame, the
 * above-right of the last column repeating the pixel above its end), then the reconstruction back.
 */
final class MacroblockLoader {

    private MacroblockLoader() {
    }

    static void load(Planes src, Planes rec, int mbX, int mbY, MacroblockEncoder mb) {
        copyIn(src.y, src.yStride, mbY * 16 * src.yStride + mbX * 16, 16, mb.srcY, 0);
        int uv = mbY * 8 * src.uvStride + mbX * 8;
        copyIn(src.u, src.uvStride, uv, 8, mb.srcUv, 0);
        copyIn(src.v, src.uvStride, uv, 8, mb.srcUv, 8);
        boolean hasTop = mbY > 0;
        boolean hasLeft = mbX > 0;
        boolean lastColumn = mbX == src.mbWidth - 1;
        edges(rec.y, rec.yStride, mbX * 16, mbY * 16, 16, hasTop, hasLeft, mb.yTop, mb.yLeft);
        if (!hasTop) {
            java.util.Arrays.fill(mb.yTop, 17, 21, 127);
        } else {
            int above = (mbY * 16 - 1) * rec.yStride + mbX * 16;
            for (int k = 0; k < 4; k++) {
                mb.yTop[17 + k] = lastColumn ? rec.y[above + 15] & 0xFF : rec.y[above + 16 + k] & 0xFF;
            }
        }
        edges(rec.u, rec.uvStride, mbX * 8, mbY * 8, 8, hasTop, hasLeft, mb.uTop, mb.uLeft);
        edges(rec.v, rec.uvStride, mbX * 8, mbY * 8, 8, hasTop, hasLeft, mb.vTop, mb.vLeft);
        mb.hasTop = hasTop;
        mb.hasLeft = hasLeft;
        IntraPredictor.lumaErrors(mb.yTop, mb.yLeft, hasTop, hasLeft, mb.srcY, mb.errorsY);
        IntraPredictor.chromaErrors(mb.uTop, mb.uLeft, mb.vTop, mb.vLeft, hasTop, hasLeft, mb.srcUv, mb.errorsUv);
    }

    static void store(MacroblockEncoder mb, Planes rec, int mbX, int mbY) {
        copyOut(mb.recY, 0, 16, rec.y, rec.yStride, mbY * 16 * rec.yStride + mbX * 16);
        int uv = mbY * 8 * rec.uvStride + mbX * 8;
        copyOut(mb.recUv, 0, 8, rec.u, rec.uvStride, uv);
        copyOut(mb.recUv, 8, 8, rec.v, rec.uvStride, uv);
    }

    /** Top-left and above row into {@code top[0..size]}, left column into {@code left}. */
    private static void edges(byte[] plane, int stride, int x0, int y0, int size, boolean hasTop, boolean hasLeft,
                              int[] top, int[] left) {
        if (hasTop) {
            int above = (y0 - 1) * stride + x0;
            for (int i = 0; i < size; i++) {
                top[1 + i] = plane[above + i] & 0xFF;
            }
            top[0] = hasLeft ? plane[above - 1] & 0xFF : 129;
        } else {
            java.util.Arrays.fill(top, 0, size + 1, 127);
        }
        for (int i = 0; i < size; i++) {
            left[i] = hasLeft ? plane[(y0 + i) * stride + x0 - 1] & 0xFF : 129;
        }
    }

    private static void copyIn(byte[] plane, int stride, int start, int size, int[] out, int o) {
        for (int row = 0; row < size; row++) {
            int s = start + row * stride;
            int d = o + row * 16;
            for (int i = 0; i < size; i++) {
                out[d + i] = plane[s + i] & 0xFF;
            }
        }
    }

    private static void copyOut(int[] in, int o, int size, byte[] plane, int stride, int start) {
        for (int row = 0; row < size; row++) {
            int s = o + row * 16;
            int d = start + row * stride;
            for (int i = 0; i < size; i++) {
                plane[d + i] = (byte) in[s + i];
            }
        }
    }
}
