package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * The luma half of the mode decision: the 16x16 modes here, the 4x4 ones in {@link SubblockSearch}. Each
 * candidate is transformed and quantised and scored on the quantisation error in the transform domain (the forward
 * DCT is twice an orthonormal one, so a pixel's squared error is a quarter of the coefficients'); only the winner
 * is inverse transformed. The 16x16 modes are ranked by prediction error and mode cost, the best tried in full
 * (its DCs through the Walsh-Hadamard transform into the Y2 block).
 */
final class LumaSearch {

    private final MacroblockEncoder mb;
    private int[] coefficients = new int[256];
    private int[] bestCoefficients = new int[256];
    private final int[] dcs = new int[16];
    private final long[] ranking16 = new long[4];
    private final int[] vertical = new int[64];
    private final int[] horizontal = new int[64];
    private final int[] wht = new int[16];
    private final int[] last = new int[16];
    private final int[] bestLast = new int[16];
    private final int[] topNz = new int[4];
    private final int[] leftNz = new int[4];
    /** 16x16 candidates' levels (coding order): 16 luma blocks then Y2; swapped with the best. */
    private int[] levels16 = new int[272];
    private int[] best16 = new int[272];
    private int bestMode16;

    private final SubblockSearch subblocks;

    LumaSearch(MacroblockEncoder mb) {
        this.mb = mb;
        subblocks = new SubblockSearch(mb);
    }

    /** The 4x4 modes' total score, or Long.MAX_VALUE once it cannot beat {@code limit}. */
    long bestI4(Segment segment, TokenCosts costs, long limit, int[] aboveNz, int t, int[] leftNz) {
        return subblocks.best(segment, costs, limit, aboveNz, t, leftNz);
    }

    long bestI16(Segment segment, TokenCosts costs, int[] aboveNz, int t, int[] leftNzIn) {
        long best = Long.MAX_VALUE;
        int[] src = mb.srcY;
        int[] pred = mb.predY;
        MacroblockEncoder.rank(mb.errorsY, IntraModes.Y_COST, segment.lambda, ranking16);
        for (int k = 0; k < MacroblockEncoder.LUMA_CANDIDATES; k++) {
            int mode = (int) (ranking16[k] & 3);
            IntraPredictor.luma(mode, mb.yTop, mb.yLeft, mb.hasTop, mb.hasLeft, pred);
            // V's blocks repeat their top row and H's their left column: one block each holds the whole transform
            for (int i = 0; i < 4 && (mode == IntraModes.V || mode == IntraModes.H); i++) {
                if (mode == IntraModes.V) {
                    Transforms.forwardDct(pred, 256 + 4 * i, 16, SourceTransforms.ZEROS, 0, 16, vertical, i * 16);
                } else {
                    Transforms.forwardDct(pred, 512 + 64 * i, 16, SourceTransforms.ZEROS, 0, 16, horizontal, i * 16);
                }
            }
            if (mode == IntraModes.TM) {
                for (int b = 0; b < 16; b++) {
                    int off = MacroblockEncoder.LUMA_OFFSET[b];
                    Transforms.forwardDct(src, off, 16, pred, 768 + off, 16, coefficients, b * 16);
                }
            } else {
                SourceTransforms.residual(mode, pred[0], mb.srcCoefficients, 0, 4, vertical, horizontal, 0, coefficients);
            }
            for (int b = 0; b < 16; b++) {
                dcs[b] = coefficients[b * 16];
            }
            Transforms.forwardWht(dcs, wht);
            long y2 = costs.quantize(segment.y2, TokenCoder.Y2, aboveNz[t + 8] + leftNzIn[8], wht, 0, levels16, 256, 0);
            long error = 0;
            int rate = IntraModes.Y_COST[mode] + TokenCosts.rate(y2);
            for (int i = 0; i < 4; i++) {
                topNz[i] = aboveNz[t + i];
                leftNz[i] = leftNzIn[i];
            }
            for (int b = 0; b < 16; b++) { // raster order: each block's context from those above and to the left
                int x = b & 3;
                int y = b >> 2;
                long q = costs.quantize(segment.y1, TokenCoder.Y_AFTER_Y2, topNz[x] + leftNz[y], coefficients, b * 16,
                        levels16, b * 16, 1);
                last[b] = TokenCosts.last(q);
                error += TokenCosts.error(q);
                rate += TokenCosts.rate(q);
                topNz[x] = leftNz[y] = last[b] >= 1 ? 1 : 0;
            }
            Transforms.inverseWht(wht, wht);
            for (int b = 0; b < 16; b++) {
                int d = wht[b] - dcs[b];
                error += d * d;
                coefficients[b * 16] = wht[b];
            }
            long score = MacroblockEncoder.score(error, rate, segment.lambda);
            if (score < best) {
                best = score;
                bestMode16 = mode;
                int[] swap = best16;
                best16 = levels16;
                levels16 = swap;
                swap = bestCoefficients;
                bestCoefficients = coefficients;
                coefficients = swap;
                System.arraycopy(last, 0, bestLast, 0, 16);
            }
        }
        return best;
    }

    /** Whether the best 16x16 mode needs no AC coefficient at all: a smooth macroblock, not worth 4x4 modes. */
    boolean smooth16() {
        for (int b = 0; b < 16; b++) {
            if (bestLast[b] >= 1) {
                return false;
            }
        }
        return true;
    }

    /** Copies the chosen luma modes, levels and reconstruction into the macroblock's outputs. */
    void commit(boolean i4, MacroblockEncoder out) {
        if (i4) {
            out.yMode = IntraModes.B_PRED;
            System.arraycopy(subblocks.modes, 0, out.subModes, 0, 16);
            System.arraycopy(subblocks.levels, 0, out.levels, 0, 256);
            Arrays.fill(out.levels, 384, 400, 0);
            System.arraycopy(subblocks.reconstruction, 0, out.recY, 0, 256);
            return;
        }
        out.yMode = bestMode16;
        Arrays.fill(out.subModes, IntraModes.IMPLIED_B_MODE[bestMode16]);
        for (int b = 0; b < 17; b++) { // 16 luma blocks, then Y2
            System.arraycopy(best16, b * 16, out.levels, b < 16 ? b * 16 : 384, 16);
        }
        int p = bestMode16 * 256;
        for (int b = 0; b < 16; b++) {
            int off = MacroblockEncoder.LUMA_OFFSET[b];
            Transforms.inverseDct(bestCoefficients, b * 16, bestLast[b] < 1, mb.predY, p + off, 16, out.recY, off, 16);
        }
    }
}
