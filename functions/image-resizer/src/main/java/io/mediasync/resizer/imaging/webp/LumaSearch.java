package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * The luma half of the mode decision: the best of the four 16x16 modes (16 DCTs, their DCs through the
 * Walsh-Hadamard transform into the Y2 block), then sixteen 4x4 blocks each with the best of ten modes, given up
 * as soon as their running score passes the 16x16 one.
 */
final class LumaSearch {

    private final MacroblockEncoder mb;
    private final int[] coefficients = new int[256];
    private final int[] dcs = new int[16];
    private final int[] wht = new int[16];
    private final int[] last = new int[16];
    private final int[] topNz = new int[4];
    private final int[] leftNz = new int[4];
    /** 16x16 candidates: 16 luma blocks then Y2, and the reconstruction; swapped with the best so far. */
    private int[] levels16 = new int[272];
    private int[] best16 = new int[272];
    private int[] rec16 = new int[256];
    private int[] bestRec16 = new int[256];
    private int bestMode16;
    // 4x4 candidates: all ten modes of the current block side by side, then the chosen ones of the macroblock
    private final int[] edge = new int[13];
    private final int[] pred4 = new int[160];
    private final int[] rec4 = new int[160];
    private final int[] levels4 = new int[160];
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
        for (int mode = 0; mode < 4; mode++) {
            int p = mode * 256;
            for (int b = 0; b < 16; b++) {
                int off = MacroblockEncoder.LUMA_OFFSET[b];
                Transforms.forwardDct(src, off, 16, mb.predY, p + off, 16, coefficients, b * 16);
                dcs[b] = coefficients[b * 16];
            }
            Transforms.forwardWht(dcs, wht);
            int y2Last = segment.y2.quantize(wht, 0, levels16, 256, 0);
            for (int b = 0; b < 16; b++) {
                levels16[b * 16] = 0;
                last[b] = segment.y1.quantize(coefficients, b * 16, levels16, b * 16, 1);
            }
            Transforms.inverseWht(wht, dcs);
            for (int b = 0; b < 16; b++) {
                int off = MacroblockEncoder.LUMA_OFFSET[b];
                coefficients[b * 16] = dcs[b];
                Transforms.inverseDct(coefficients, b * 16, last[b] < 1, mb.predY, p + off, 16, rec16, off, 16);
            }
            int rate = IntraModes.Y_COST[mode]
                    + costs.block(TokenCoder.Y2, aboveNz[t + 8] + leftNzIn[8], levels16, 256, 0, y2Last);
            for (int i = 0; i < 4; i++) {
                topNz[i] = aboveNz[t + i];
                leftNz[i] = leftNzIn[i];
            }
            for (int b = 0; b < 16; b++) {
                int x = b & 3;
                int y = b >> 2;
                rate += costs.block(TokenCoder.Y_AFTER_Y2, topNz[x] + leftNz[y], levels16, b * 16, 1, last[b]);
                topNz[x] = leftNz[y] = last[b] >= 1 ? 1 : 0;
            }
            long score = 256L * MacroblockEncoder.sse(src, rec16, 256) + (long) segment.lambda * rate;
            if (score < best) {
                best = score;
                bestMode16 = mode;
                int[] swap = best16;
                best16 = levels16;
                levels16 = swap;
                swap = bestRec16;
                bestRec16 = rec16;
                rec16 = swap;
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
            int ctx = topNz[x] + leftNz[y];
            long bestBlock = Long.MAX_VALUE;
            int bestMode = 0;
            int bestLast = -1;
            for (int mode = 0; mode < IntraModes.B_MODES; mode++) {
                int p = mode * 16;
                Transforms.forwardDct(src, off, 16, pred4, p, 4, block, 0);
                int blockLast = segment.y1.quantize(block, 0, levels4, p, 0);
                Transforms.inverseDct(block, 0, blockLast <= 0, pred4, p, 4, rec4, p, 4);
                int rate = IntraModes.B_COST[modeCosts + mode]
                        + costs.block(TokenCoder.Y_WITH_DC, ctx, levels4, p, 0, blockLast);
                long score = 256L * sse4(src, off, rec4, p) + (long) segment.lambda * rate;
                if (score < bestBlock) {
                    bestBlock = score;
                    bestMode = mode;
                    bestLast = blockLast;
                }
            }
            total += bestBlock;
            if (total >= limit) {
                return Long.MAX_VALUE;
            }
            chosenModes4[b] = bestMode;
            System.arraycopy(levels4, bestMode * 16, chosenLevels4, b * 16, 16);
            for (int row = 0; row < 4; row++) {
                System.arraycopy(rec4, bestMode * 16 + row * 4, chosenRec4, off + row * 16, 4);
            }
            topNz[x] = leftNz[y] = bestLast >= 0 ? 1 : 0;
        }
        return total;
    }

    /** Copies the chosen luma modes, levels and reconstruction into the macroblock's outputs. */
    void commit(boolean i4, MacroblockEncoder out) {
        if (i4) {
            out.yMode = IntraModes.B_PRED;
            System.arraycopy(chosenModes4, 0, out.subModes, 0, 16);
            System.arraycopy(chosenLevels4, 0, out.levels, 0, 256);
            Arrays.fill(out.levels, 384, 400, 0);
            System.arraycopy(chosenRec4, 0, out.recY, 0, 256);
        } else {
            out.yMode = bestMode16;
            Arrays.fill(out.subModes, IntraModes.IMPLIED_B_MODE[bestMode16]);
            System.arraycopy(best16, 0, out.levels, 0, 256);
            System.arraycopy(best16, 256, out.levels, 384, 16);
            System.arraycopy(bestRec16, 0, out.recY, 0, 256);
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

    private static long sse4(int[] src, int s, int[] rec, int r) {
        long sum = 0;
        for (int row = 0; row < 4; row++, s += 16, r += 4) {
            for (int i = 0; i < 4; i++) {
                int d = src[s + i] - rec[r + i];
                sum += d * d;
            }
        }
        return sum;
    }
}
