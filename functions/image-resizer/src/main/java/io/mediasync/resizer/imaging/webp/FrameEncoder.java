package io.mediasync.resizer.imaging.webp;

/**
 * Encodes every macroblock of a frame in raster order: loads its source and its edges from what the decoder will
 * have reconstructed by then, lets {@link MacroblockEncoder} decide, and keeps the decision, the levels and the
 * (unfiltered) reconstruction. The token statistics grow as it goes, and the costs the decisions use follow them
 * a few times per frame, so the rate estimates approach the probabilities the frame will be coded with.
 */
final class FrameEncoder {

    /** Macroblocks between two refreshes of the token costs: about eight per frame, at least 96 apart. */
    private static final int MIN_REFRESH = 96;

    private FrameEncoder() {
    }

    static Vp8Frame encode(Planes source, SourceTransforms transforms, SegmentPlan plan) {
        int mbWidth = source.mbWidth;
        int mbCount = mbWidth * source.mbHeight;
        Vp8Frame frame = new Vp8Frame(source.width, source.height, plan);
        Segment[] segments = plan.segments();
        byte[] segmentMap = plan.map();
        Planes rec = frame.reconstruction;
        MacroblockEncoder mb = new MacroblockEncoder();
        int[] probabilities = CoefficientProbabilities.DEFAULTS.clone();
        TokenCosts costs = new TokenCosts(probabilities);
        TokenStats stats = frame.stats;
        int[] topNz = new int[mbWidth * MacroblockTokens.CONTEXTS];
        int[] leftNz = new int[MacroblockTokens.CONTEXTS];
        int[] topModes = new int[mbWidth * 4];
        int refresh = Math.max(MIN_REFRESH, mbCount >> 3);
        for (int mbY = 0, n = 0; mbY < source.mbHeight; mbY++) {
            java.util.Arrays.fill(leftNz, 0);
            java.util.Arrays.fill(mb.leftModes, IntraModes.B_DC);
            for (int mbX = 0; mbX < mbWidth; mbX++, n++) {
                MacroblockLoader.load(source, rec, mbX, mbY, mb);
                transforms.copy(n, mb.srcCoefficients);
                System.arraycopy(topModes, mbX * 4, mb.topModes, 0, 4);
                int t = mbX * MacroblockTokens.CONTEXTS;
                mb.encode(segments[segmentMap[n]], costs, topNz, t, leftNz);
                MacroblockLoader.store(mb, rec, mbX, mbY);
                frame.record(n, mb);
                // an empty macroblock's end-of-blocks are counted apart too: the writer drops them if it skips it
                stats.mirror = frame.empty[n] ? frame.emptyStats : null;
                MacroblockTokens.code(stats, frame.levels, n * 400, !mb.i4, topNz, t, leftNz);
                System.arraycopy(mb.subModes, 12, topModes, mbX * 4, 4);
                for (int i = 0; i < 4; i++) {
                    mb.leftModes[i] = mb.subModes[i * 4 + 3];
                }
                if ((n + 1) % refresh == 0 && n + 1 < mbCount) {
                    stats.probabilities(probabilities, null);
                    costs.update(probabilities);
                }
            }
        }
        return frame;
    }
}
