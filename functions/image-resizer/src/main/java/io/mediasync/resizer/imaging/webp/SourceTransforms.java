package io.mediasync.resizer.imaging.webp;

/**
 * The DCT of every 4x4 block of the source, computed once: the transform is linear (within 1), so a candidate
 * prediction's residual transform is this minus the prediction's own, which is nearly free for the flat and
 * one-directional predictions. Per macroblock 24 blocks of 16: luma 0..15, U 16..19, V 20..23 (raster order).
 */
final class SourceTransforms {

    static final int PER_MACROBLOCK = 384;
    /** A zero "prediction" for transforming pixels themselves; stride 16. */
    static final int[] ZEROS = new int[64];

    final short[] coefficients;

    private SourceTransforms(short[] coefficients) {
        this.coefficients = coefficients;
    }

    static SourceTransforms of(Planes p) {
        short[] all = new short[p.mbWidth * p.mbHeight * PER_MACROBLOCK];
        int[] pixels = new int[256];
        int[] block = new int[16];
        for (int mbY = 0, n = 0; mbY < p.mbHeight; mbY++) {
            for (int mbX = 0; mbX < p.mbWidth; mbX++, n++) {
                int base = n * PER_MACROBLOCK;
                load(p.y, p.yStride, mbX * 16, mbY * 16, 16, pixels);
                for (int b = 0; b < 16; b++) {
                    transform(pixels, MacroblockEncoder.LUMA_OFFSET[b], block, all, base + b * 16);
                }
                load(p.u, p.uvStride, mbX * 8, mbY * 8, 8, pixels);
                for (int b = 0; b < 4; b++) {
                    transform(pixels, MacroblockEncoder.CHROMA_OFFSET[b], block, all, base + 256 + b * 16);
                }
                load(p.v, p.uvStride, mbX * 8, mbY * 8, 8, pixels);
                for (int b = 0; b < 4; b++) {
                    transform(pixels, MacroblockEncoder.CHROMA_OFFSET[b], block, all, base + 320 + b * 16);
                }
            }
        }
        return new SourceTransforms(all);
    }

    /**
     * The residual transforms of a flat (DC), vertical or horizontal prediction over {@code size} x {@code size}
     * blocks: the source's transform minus the prediction's, which is a DC, a top row or a left column per block.
     *
     * @param vertical   the transform of the V prediction's block in each block column, 16 per column, from
     *                   {@code edge}
     * @param horizontal the transform of the H prediction's block in each block row, from {@code edge}
     */
    static void residual(int mode, int dc, int[] source, int s, int size, int[] vertical, int[] horizontal,
                                   int edge, int[] out) {
        int blocks = size * size;
        System.arraycopy(source, s, out, 0, blocks * 16);
        for (int b = 0; b < blocks; b++) {
            int o = b * 16;
            if (mode == IntraModes.DC) {
                out[o] -= 8 * dc;
            } else if (mode == IntraModes.V) {
                int v = edge + (b % size) * 16;
                for (int k = 0; k < 4; k++) {
                    out[o + k] -= vertical[v + k];
                }
            } else {
                int h = edge + (b / size) * 16;
                for (int k = 0; k < 16; k += 4) {
                    out[o + k] -= horizontal[h + k];
                }
            }
        }
    }

    /** The 384 coefficients of macroblock {@code n} into {@code out}. */
    void copy(int n, int[] out) {
        int base = n * PER_MACROBLOCK;
        for (int i = 0; i < PER_MACROBLOCK; i++) {
            out[i] = coefficients[base + i];
        }
    }

    private static void load(byte[] plane, int stride, int x0, int y0, int size, int[] out) {
        for (int row = 0; row < size; row++) {
            int s = (y0 + row) * stride + x0;
            for (int i = 0; i < size; i++) {
                out[row * 16 + i] = plane[s + i] & 0xFF;
            }
        }
    }

    private static void transform(int[] pixels, int off, int[] block, short[] all, int at) {
        Transforms.forwardDct(pixels, off, 16, ZEROS, 0, 16, block, 0);
        for (int i = 0; i < 16; i++) {
            all[at + i] = (short) block[i];
        }
    }
}
