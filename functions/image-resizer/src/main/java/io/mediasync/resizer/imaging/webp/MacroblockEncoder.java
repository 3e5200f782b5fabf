package io.mediasync.resizer.imaging.webp;

/**
 * Rate-distortion mode decision for one macroblock: the 16x16 luma modes, the sixteen 4x4 modes block by block
 * ({@link LumaSearch}), the chroma modes. Modes are ranked by prediction error plus mode cost, and the best are
 * tried in full: quantised and scored as {@code 256 * squared error + lambda * rate} (rate in 1/256 bit) with
 * the error measured on the coefficients and the rate the tokens' actual cost. The caller fills the source, the
 * edges and the neighbours' contexts; the result is the chosen modes, the quantised levels and the
 * reconstruction. Buffers are reused from macroblock to macroblock.
 */
final class MacroblockEncoder {

    /** Offset of 4x4 luma block b (raster order) in a 16-wide buffer, and of chroma block b (U 0..3, V 4..7). */
    static final int[] LUMA_OFFSET = new int[16];
    static final int[] CHROMA_OFFSET = new int[8];
    /**
     * Modes (of four) tried in full after the ranking by prediction error: the ranking picks luma's best nearly
     * always (a second try changes sizes by 0.2 %), chroma's less reliably (its errors are small and close).
     */
    static final int LUMA_CANDIDATES = 1;
    static final int CHROMA_CANDIDATES = 3;
    /**
     * A candidate after the first is tried only if its ranking score is at most this many times the first's:
     * beyond that it nearly never wins (files 0.5 % larger over the benchmark's renditions, at most 1.1 %), and
     * the quantisations skipped are about a tenth of the encoding time. 4x4 modes use it too.
     */
    static final int TRY_WITHIN = 2;

    static {
        for (int b = 0; b < 16; b++) {
            LUMA_OFFSET[b] = (b >> 2) * 64 + (b & 3) * 4;
        }
        for (int b = 0; b < 8; b++) {
            CHROMA_OFFSET[b] = ((b & 3) >> 1) * 64 + (b & 1) * 4 + (b >> 2) * 8;
        }
    }

    // inputs
    final int[] srcY = new int[256];
    final int[] srcUv = new int[128];
    /** The source's transform (see {@link SourceTransforms}): luma blocks, then U, then V. */
    final int[] srcCoefficients = new int[SourceTransforms.PER_MACROBLOCK];
    /** Top-left pixel, the 16 above, the 4 above-right. */
    final int[] yTop = new int[21];
    final int[] yLeft = new int[16];
    final int[] uTop = new int[9];
    final int[] vTop = new int[9];
    final int[] uLeft = new int[8];
    final int[] vLeft = new int[8];
    boolean hasTop;
    boolean hasLeft;
    /** The predictions of the whole-block modes tried, each in its mode's place. */
    final int[] predY = new int[4 * 256];
    final int[] predUv = new int[4 * 128];
    /** Each whole-block prediction's squared error. */
    final long[] errorsY = new long[4];
    final long[] errorsUv = new long[4];
    /** The 4x4 modes of the row above and the column to the left, as context for this macroblock's. */
    final int[] topModes = new int[4];
    final int[] leftModes = new int[4];

    // outputs
    boolean i4;
    int yMode;
    final int[] subModes = new int[16];
    int uvMode;
    /** Levels in coding order: luma blocks at 16 * b, U at 256, V at 320, Y2 at 384. */
    final int[] levels = new int[400];
    final int[] recY = new int[256];
    final int[] recUv = new int[128];

    private final LumaSearch luma = new LumaSearch(this);
    private int[] coefficients = new int[128];
    private int[] bestCoefficients = new int[128];
    private final int[] planeCoefficients = new int[64];
    private final int[] vertical = new int[64];
    private final int[] horizontal = new int[64];
    private final long[] ranking = new long[4];
    private final int[] last = new int[8];
    private final int[] bestLast = new int[8];
    private int[] uvLevels = new int[128];
    private int[] bestUvLevels = new int[128];

    /**
     * Chooses the modes and quantises with the segment's parameters.
     *
     * @param topNz  non-zero flags of the blocks above (4 luma, 2 U, 2 V, Y2) at {@code t}
     * @param leftNz the same for the blocks to the left
     */
    void encode(Segment segment, TokenCosts costs, int[] topNz, int t, int[] leftNz) {
        long i16 = luma.bestI16(segment, costs, topNz, t, leftNz);
        // 4x4 modes win in few macroblocks (about 2 in 100) that 16x16 prediction leaves without AC coefficients
        long sub = luma.smooth16() ? Long.MAX_VALUE : luma.bestI4(segment, costs, i16, topNz, t, leftNz);
        i4 = sub < i16;
        luma.commit(i4, this);
        chooseUv(segment, costs, topNz, t, leftNz);
        System.arraycopy(bestUvLevels, 0, levels, 256, 128);
    }

    private void chooseUv(Segment segment, TokenCosts costs, int[] topNz, int t, int[] leftNz) {
        long best = Long.MAX_VALUE;
        rank(errorsUv, IntraModes.UV_COST, segment.lambdaUv, ranking);
        for (int k = 0; k < CHROMA_CANDIDATES && (ranking[k] >> 2) <= TRY_WITHIN * (ranking[0] >> 2); k++) {
            int mode = (int) (ranking[k] & 3);
            int p = mode * 128;
            IntraPredictor.chroma(mode, uTop, uLeft, vTop, vLeft, hasTop, hasLeft, predUv);
            for (int i = 0; i < 4 && (mode == IntraModes.V || mode == IntraModes.H); i++) {
                // V's and H's blocks, U's two then V's two: each stands for its block column or row
                if (mode == IntraModes.V) {
                    Transforms.forwardDct(predUv, p + CHROMA_OFFSET[(i & 1) + (i & 2) * 2], 16, SourceTransforms.ZEROS, 0,
                            16, vertical, i * 16);
                } else {
                    Transforms.forwardDct(predUv, p + CHROMA_OFFSET[2 * (i & 1) + (i & 2) * 2], 16,
                            SourceTransforms.ZEROS, 0, 16, horizontal, i * 16);
                }
            }
            if (mode == IntraModes.TM) {
                for (int b = 0; b < 8; b++) {
                    int off = CHROMA_OFFSET[b];
                    Transforms.forwardDct(srcUv, off, 16, predUv, p + off, 16, coefficients, b * 16);
                }
            } else {
                for (int plane = 0; plane < 2; plane++) {
                    SourceTransforms.residual(mode, predUv[plane * 8], srcCoefficients, 256 + plane * 64, 2,
                            vertical, horizontal, plane * 32, planeCoefficients);
                    System.arraycopy(planeCoefficients, 0, coefficients, plane * 64, 64);
                }
            }
            long error = 0;
            int rate = IntraModes.UV_COST[mode];
            for (int b = 0; b < 8; b++) { // U then V, each 2x2 blocks in raster order
                int plane = b >> 2;
                int x = b & 1;
                int y = (b >> 1) & 1;
                int above = y == 0 ? topNz[t + 4 + 2 * plane + x] : (last[b - 2] >= 0 ? 1 : 0);
                int left = x == 0 ? leftNz[4 + 2 * plane + y] : (last[b - 1] >= 0 ? 1 : 0);
                long q = costs.quantize(segment.uv, TokenCoder.CHROMA, above + left, coefficients, b * 16, uvLevels,
                        b * 16, 0);
                last[b] = TokenCosts.last(q);
                error += TokenCosts.error(q);
                rate += TokenCosts.rate(q);
            }
            long score = score(error, rate, segment.lambdaUv);
            if (score < best) {
                best = score;
                uvMode = mode;
                int[] swap = bestUvLevels;
                bestUvLevels = uvLevels;
                uvLevels = swap;
                swap = bestCoefficients;
                bestCoefficients = coefficients;
                coefficients = swap;
                System.arraycopy(last, 0, bestLast, 0, 8);
            }
        }
        int p = uvMode * 128;
        for (int b = 0; b < 8; b++) {
            int off = CHROMA_OFFSET[b];
            Transforms.inverseDct(bestCoefficients, b * 16, bestLast[b] <= 0, predUv, p + off, 16, recUv, off, 16);
        }
    }

    /** Orders the four whole-block predictions by squared error plus mode cost: {@code score << 2 | mode}. */
    static void rank(long[] errors, int[] modeCost, int lambda, long[] out) {
        for (int mode = 0; mode < 4; mode++) {
            out[mode] = (256 * errors[mode] + (long) lambda * modeCost[mode]) << 2 | mode;
        }
        java.util.Arrays.sort(out);
    }

    /**
     * A candidate's rate-distortion score from its error in the transform domain: {@code 256 * pixel squared
     * error + lambda * rate}, the pixels' error being a quarter of the coefficients'.
     */
    static long score(long coefficientError, int rate, int lambda) {
        return 64 * coefficientError + (long) lambda * rate;
    }
}
