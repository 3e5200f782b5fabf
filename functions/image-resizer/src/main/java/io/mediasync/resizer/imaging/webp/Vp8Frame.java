package io.mediasync.resizer.imaging.webp;

/**
 * An encoded key frame before it becomes bytes: per macroblock its segment, modes and quantised levels, and the
 * reconstruction a decoder will make of it (unfiltered until {@link LoopFilter} runs on it).
 */
final class Vp8Frame {
    final int width;
    final int height;
    final int mbWidth;
    final int mbHeight;
    final Segment[] segments;
    final byte[] segmentMap;
    /** The chroma quantiser deltas every segment was built with, for the frame header. */
    final int uvDcDelta;
    final int uvAcDelta;
    /** Per macroblock: the 16x16 luma mode (B_PRED for 4x4 modes), sixteen 4x4 modes, the chroma mode. */
    final byte[] yModes;
    final byte[] subModes;
    final byte[] uvModes;
    /** Per macroblock 400 levels in coding order (see {@link MacroblockEncoder#levels}). */
    final int[] levels;
    final Planes reconstruction;
    /** Per macroblock: no non-zero level at all, so it may be skipped and its inner edges are not filtered. */
    final boolean[] empty;
    /** Every token's branches, and those of the empty macroblocks alone (end-of-blocks they need unless skipped). */
    final TokenStats stats = new TokenStats();
    final TokenStats emptyStats = new TokenStats();

    Vp8Frame(int width, int height, SegmentPlan plan) {
        this.width = width;
        this.height = height;
        this.segments = plan.segments();
        this.segmentMap = plan.map();
        this.uvDcDelta = plan.uvDcDelta();
        this.uvAcDelta = plan.uvAcDelta();
        reconstruction = new Planes(width, height);
        mbWidth = reconstruction.mbWidth;
        mbHeight = reconstruction.mbHeight;
        int count = mbWidth * mbHeight;
        yModes = new byte[count];
        subModes = new byte[count * 16];
        uvModes = new byte[count];
        levels = new int[count * 400];
        empty = new boolean[count];
    }

    void record(int n, MacroblockEncoder mb) {
        yModes[n] = (byte) mb.yMode;
        for (int i = 0; i < 16; i++) {
            subModes[n * 16 + i] = (byte) mb.subModes[i];
        }
        uvModes[n] = (byte) mb.uvMode;
        System.arraycopy(mb.levels, 0, levels, n * 400, 400);
        boolean none = true;
        for (int level : mb.levels) {
            if (level != 0) {
                none = false;
                break;
            }
        }
        empty[n] = none;
    }

    boolean hasY2(int n) {
        return yModes[n] != IntraModes.B_PRED;
    }
}
