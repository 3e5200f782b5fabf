package io.mediasync.resizer.imaging.webp;

/**
 * The sixteen 4x4 luma modes of a macroblock, block by block in raster order, each predicted from the blocks
 * reconstructed before it: the ten predictions are ranked by squared error plus mode cost, the best few tried in
 * full (transform, quantisation, token cost), the winner reconstructed. The search gives up as soon as its running
 * score passes the 16x16 one.
 */
final class SubblockSearch {

    /** 4x4 modes tried in full after the ranking by prediction error (see {@link MacroblockEncoder#TRY_WITHIN}). */
    private static final int CANDIDATES = 2;

    private final MacroblockEncoder mb;
    private final int[] topNz = new int[4];
    private final int[] leftNz = new int[4];
    // all ten predictions of the current block side by side, and the candidates' levels and coefficients
    private final int[] edge = new int[13];
    private final int[] pred4 = new int[160];
    private final int[] levels4 = new int[160];
    private final int[] coefficients4 = new int[160];
    private final long[] ranking = new long[IntraModes.B_MODES];
    private final int[] block = new int[16];
    /** The chosen modes, their levels (coding order, 16 per block) and the reconstruction (stride 16). */
    final int[] modes = new int[16];
    final int[] levels = new int[256];
    final int[] reconstruction = new int[256];

    SubblockSearch(MacroblockEncoder mb) {
        this.mb = mb;
    }

    /** The 4x4 modes' total score, or Long.MAX_VALUE once it cannot beat {@code limit}. */
    long best(Segment segment, TokenCosts costs, long limit, int[] aboveNz, int t, int[] leftNzIn) {
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
            int above = y == 0 ? mb.topModes[x] : modes[b - 4];
            int left = x == 0 ? mb.leftModes[y] : modes[b - 1];
            int modeCosts = (above * IntraModes.B_MODES + left) * IntraModes.B_MODES;
            rank(src, off, modeCosts, segment.lambda);
            int ctx = topNz[x] + leftNz[y];
            long bestBlock = Long.MAX_VALUE;
            int bestMode = 0;
            int bestBlockLast = -1;
            long limitRank = MacroblockEncoder.TRY_WITHIN * (ranking[0] >> 4);
            for (int k = 0; k < CANDIDATES && (ranking[k] >> 4) <= limitRank; k++) {
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
            modes[b] = bestMode;
            int p = bestMode * 16;
            System.arraycopy(levels4, p, levels, b * 16, 16);
            Transforms.inverseDct(coefficients4, p, bestBlockLast <= 0, pred4, p, 4, reconstruction, off, 16);
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
     * Puts the {@link #CANDIDATES} best of the ten predictions of the current block first in {@link #ranking}
     * ({@code score << 4 | mode}), by squared prediction error plus mode cost.
     */
    private void rank(int[] src, int off, int modeCosts, int lambda) {
        for (int i = 0; i < 16; i++) {
            block[i] = src[off + (i >> 2) * 16 + (i & 3)];
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
        for (int k = 0; k < CANDIDATES; k++) { // partial selection sort
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
     * The edge of 4x4 block (x, y) as {@link IntraPredictor#sub4} wants it: from the macroblock's edges where it
     * touches them, else from the blocks already reconstructed; the above-right of the right column always comes
     * from the row above the macroblock, as the decoder has nothing else there.
     */
    private void loadEdge(int x, int y) {
        int[] rec = reconstruction;
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
