package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * The luma half of the mode decision. Each candidate is transformed and quantised and scored on the
 * quantisation error in the transform domain (the forward DCT is twice an orthonormal one, so a pixel's squared
 * error is a quarter of the coefficients'); only the winner is inverse transformed. The four 16x16 modes are
 * all tried (their DCs through the Walsh-Hadamard transform into the Y2 block); for each 4x4 block the ten
 * predictions are first ranked by their error alone, and the best few tried in full. The 4x4 search stops as
 * soon as its running score passes the 16x16 one.
 */
final class LumaSearch {

    /** 4x4 modes tried in full after the ranking by prediction error. */
    private static final int SUB_CANDIDATES = 3;

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
    /** 16x16 candidates: 16 luma blocks then Y2; swapped with the best so far. */
    private int[] levels16 = new int[272];
    private int[] best16 = new int[272];
    private int bestMode16;
    // 4x4: all ten predictions of the current block side by side, the candidates, then the chosen ones
    private final int[] edge = new int[13];
    private final int[] pred4 = new int[160];
    private final int[] levels4 = new int[160];
    private final int[] coefficients4 = new int[160];
    private final long[] ranking = new long[IntraModes.B_MODES];
    private final int[] block = new int[16];
    private final int[] chosenLevels4 = new int[256];
    private final int[] chosenRec4 = new int[256];
    private final int[] chosenModes4 = new int[16];

    LumaSearch(MacroblockEncoder mb) {
        this.mb = mb;
    }

    long bestI16(Segment segment, TokenCosts costs, int[] aboveNz, int t, int[] leftNzIn) {
        long best = Long.MAX_VALUE;
        int[] src = mb.srcY;
        int[] pred = mb.predY;
        MacroblockEncoder.rank(mb.errorsY, IntraModes.Y_COST, segment.lambda, ranking16);
        for (int k = 0; k < MacroblockEncoder.LUMA_CANDIDATES; k++) {
            int mode = (int) (ranking16[k] & 3);
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
                subtractFromSource(mode, pred[0], mb.srcCoefficients, 0, 4, vertical, horizontal, 0, coefficients);
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
                levels16[b * 16] = 0;
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

    /** The 4x4 modes' total score, or Long.MAX_VALUE once it cannot beat {@code limit}. */
    long bestI4(Segment segment, TokenCosts costs, long limit, int[] aboveNz, int t, int[] leftNzIn) {
        long total = (long) segment.lambda * IntraModes.Y_COST[IntraModes.B_PRED];
        for (int i = 0; i < 4; i++) {
            topNz[i] = aboveNz[t + i];
            leftNz[i] = leftNzIn[i];
        }
        int[] src = mb.srcY;
        for (int b = 0; b < 16; b++) {
            int x = b & 3;
            int y = b >> 2;
            int off = MacroblockEncoder.LUMA_OFFSET[b];
            loadEdge(x, y);
            IntraPredictor.sub4(edge, pred4);
            int above = y == 0 ? mb.topModes[x] : chosenModes4[b - 4];
            int left = x == 0 ? mb.leftModes[y] : chosenModes4[b - 1];
            int modeCosts = (above * IntraModes.B_MODES + left) * IntraModes.B_MODES;
            rank(src, off, modeCosts, segment.lambda);
            int ctx = topNz[x] + leftNz[y];
            long bestBlock = Long.MAX_VALUE;
            int bestMode = 0;
            int bestBlockLast = -1;
            for (int k = 0; k < SUB_CANDIDATES; k++) {
                int mode = (int) (ranking[k] & 0xF);
                int p = mode * 16;
                transform4(mode, b, src, off, p);
                long q = costs.quantize(segment.y1, TokenCoder.Y_WITH_DC, ctx, coefficients4, p, levels4, p, 0);
                int blockLast = TokenCosts.last(q);
                int rate = IntraModes.B_COST[modeCosts + mode] + TokenCosts.rate(q);
                long score = MacroblockEncoder.score(TokenCosts.error(q), rate, segment.lambda);
                if (score < bestBlock) {
                    bestBlock = score;
                    bestMode = mode;
                    bestBlockLast = blockLast;
                }
            }
            total += bestBlock;
            if (total >= limit) {
                return Long.MAX_VALUE;
            }
            chosenModes4[b] = bestMode;
            int p = bestMode * 16;
            System.arraycopy(levels4, p, chosenLevels4, b * 16, 16);
            Transforms.inverseDct(coefficients4, p, bestBlockLast <= 0, pred4, p, 4, chosenRec4, off, 16);
            topNz[x] = leftNz[y] = bestBlockLast >= 0 ? 1 : 0;
        }
        return total;
    }

    /**
     * The residual transform of 4x4 block b under the prediction at {@code pred4[p]}: from the source's transform
     * for the flat, vertical and horizontal modes, whose own transforms are one value, one row, one column.
     */
    private void transform4(int mode, int b, int[] src, int off, int p) {
        if (mode == IntraModes.B_DC || mode == IntraModes.B_VE || mode == IntraModes.B_HE) {
            System.arraycopy(mb.srcCoefficients, b * 16, coefficients4, p, 16);
            if (mode == IntraModes.B_DC) {
                coefficients4[p] -= 8 * pred4[p];
            } else if (mode == IntraModes.B_VE) {
                Transforms.subtractRowTransform(pred4, p, coefficients4, p);
            } else {
                Transforms.subtractColumnTransform(pred4, p, coefficients4, p);
            }
        } else {
            Transforms.forwardDct(src, off, 16, pred4, p, 4, coefficients4, p);
        }
    }

    /**
     * Puts the {@link #SUB_CANDIDATES} best of the ten predictions of the current block first in {@link #ranking}
     * ({@code score << 4 | mode}), by squared prediction error plus mode cost.
     */
    private void rank(int[] src, int off, int modeCosts, int lambda) {
        for (int row = 0; row < 4; row++) {
            System.arraycopy(src, off + row * 16, block, row * 4, 4);
        }
        for (int mode = 0; mode < IntraModes.B_MODES; mode++) {
            int p = mode * 16;
            int error = 0;
            for (int i = 0; i < 16; i++) {
                int d = block[i] - pred4[p + i];
                error += d * d;
            }
            long score = 256L * error + (long) lambda * IntraModes.B_COST[modeCosts + mode];
            ranking[mode] = score << 4 | mode;
        }
        for (int k = 0; k < SUB_CANDIDATES; k++) { // partial selection sort
            int min = k;
            for (int i = k + 1; i < IntraModes.B_MODES; i++) {
                if (ranking[i] < ranking[min]) {
                    min = i;
                }
            }
            long swap = ranking[k];
            ranking[k] = ranking[min];
            ranking[min] = swap;
        }
    }

    /**
     * The residual transforms of a flat (DC), vertical or horizontal prediction over {@code size} x {@code size}
     * blocks: the source's transform minus the prediction's, which is a DC, a top row or a left column per block.
     *
     * @param vertical   the transform of the V prediction's block in each block column, 16 per column, from
     *                   {@code edge}
     * @param horizontal the transform of the H prediction's block in each block row, from {@code edge}
     */
    static void subtractFromSource(int mode, int dc, int[] source, int s, int size, int[] vertical, int[] horizontal,
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
            System.arraycopy(chosenModes4, 0, out.subModes, 0, 16);
            System.arraycopy(chosenLevels4, 0, out.levels, 0, 256);
            Arrays.fill(out.levels, 384, 400, 0);
            System.arraycopy(chosenRec4, 0, out.recY, 0, 256);
            return;
        }
        out.yMode = bestMode16;
        Arrays.fill(out.subModes, IntraModes.IMPLIED_B_MODE[bestMode16]);
        System.arraycopy(best16, 0, out.levels, 0, 256);
        System.arraycopy(best16, 256, out.levels, 384, 16);
        int p = bestMode16 * 256;
        for (int b = 0; b < 16; b++) {
            int off = MacroblockEncoder.LUMA_OFFSET[b];
            Transforms.inverseDct(bestCoefficients, b * 16, bestLast[b] < 1, mb.predY, p + off, 16, out.recY, off, 16);
        }
    }

    /**
     * The edge of 4x4 block (x, y) as {@link IntraPredictor#sub4} wants it: from the macroblock's edges where it
     * touches them, else from the blocks already reconstructed; the above-right of the right column always comes
     * from the row above the macroblock, as the decoder has nothing else there.
     */
    private void loadEdge(int x, int y) {
        int[] rec = chosenRec4;
        for (int k = 0; k < 4; k++) {
            edge[3 - k] = x == 0 ? mb.yLeft[4 * y + k] : rec[(4 * y + k) * 16 + 4 * x - 1];
        }
        if (y == 0) {
            edge[4] = mb.yTop[4 * x];
            for (int k = 0; k < 8; k++) {
                edge[5 + k] = mb.yTop[1 + 4 * x + k];
            }
            return;
        }
        int above = (4 * y - 1) * 16 + 4 * x;
        edge[4] = x == 0 ? mb.yLeft[4 * y - 1] : rec[above - 1];
        for (int k = 0; k < 4; k++) {
            edge[5 + k] = rec[above + k];
            edge[9 + k] = x == 3 ? mb.yTop[17 + k] : rec[above + 4 + k];
        }
    }
}
