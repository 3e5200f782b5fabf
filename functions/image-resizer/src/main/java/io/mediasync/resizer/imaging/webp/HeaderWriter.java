package io.mediasync.resizer.imaging.webp;

/**
 * The first partition of a key frame (RFC 6386 9.2 to 9.11 and 19.2): colour space, segmentation with absolute
 * per-segment quantisers and filter levels, the loop filter, the quantiser indices, the coefficient probability
 * updates, the skip flag's probability, then each macroblock's segment, skip flag and prediction modes.
 */
final class HeaderWriter {

    private HeaderWriter() {
    }

    /** @param skipProbability probability of "not skipped", or -1 when the frame does not use skip flags */
    static byte[] firstPartition(Vp8Frame frame, int sharpness, int[] probabilities, boolean[] updated,
                                 int skipProbability) {
        BoolEncoder e = new BoolEncoder(64 + frame.mbWidth * frame.mbHeight * 4);
        e.putLiteral(0, 1); // colour space: YUV
        e.putLiteral(0, 1); // clamping required
        Segment[] segments = frame.segments;
        boolean segmented = segments.length > 1;
        int[] treeProbabilities = segmented ? segmentTreeProbabilities(frame) : null;
        e.putLiteral(segmented ? 1 : 0, 1);
        if (segmented) {
            e.putLiteral(1, 1); // update the map
            e.putLiteral(1, 1); // update the segment data
            e.putLiteral(1, 1); // absolute values, not deltas
            for (int s = 0; s < 4; s++) {
                e.putOptionalSigned(segments[Math.min(s, segments.length - 1)].quantizer, 7);
            }
            for (int s = 0; s < 4; s++) {
                e.putOptionalSigned(segments[Math.min(s, segments.length - 1)].filterLevel, 6);
            }
            for (int probability : treeProbabilities) {
                e.putLiteral(1, 1);
                e.putLiteral(probability, 8);
            }
        }
        int level = 0;
        for (Segment segment : segments) {
            level = Math.max(level, segment.filterLevel);
        }
        e.putLiteral(0, 1); // normal filter, not simple
        e.putLiteral(level, 6); // 0 turns filtering off for every segment
        e.putLiteral(sharpness, 3);
        e.putLiteral(0, 1); // no mode or reference filter deltas
        e.putLiteral(0, 2); // one token partition
        e.putLiteral(segments[0].quantizer, 7);
        e.putOptionalSigned(0, 4); // Y1 DC
        e.putOptionalSigned(0, 4); // Y2 DC
        e.putOptionalSigned(0, 4); // Y2 AC
        e.putOptionalSigned(frame.uvDcDelta, 4);
        e.putOptionalSigned(frame.uvAcDelta, 4);
        e.putLiteral(0, 1); // the probabilities do not persist: there is no next frame
        for (int i = 0; i < CoefficientProbabilities.COUNT; i++) {
            e.putBit(updated[i] ? 1 : 0, CoefficientProbabilities.UPDATES[i]);
            if (updated[i]) {
                e.putLiteral(probabilities[i], 8);
            }
        }
        e.putLiteral(skipProbability >= 0 ? 1 : 0, 1);
        if (skipProbability >= 0) {
            e.putLiteral(skipProbability, 8);
        }
        modes(e, frame, treeProbabilities, skipProbability);
        return e.finish();
    }

    private static void modes(BoolEncoder e, Vp8Frame frame, int[] treeProbabilities, int skipProbability) {
        int[] aboveModes = new int[frame.mbWidth * 4]; // B_DC above the frame
        int[] leftModes = new int[4];
        for (int mbY = 0, n = 0; mbY < frame.mbHeight; mbY++) {
            java.util.Arrays.fill(leftModes, IntraModes.B_DC);
            for (int mbX = 0; mbX < frame.mbWidth; mbX++, n++) {
                if (treeProbabilities != null) {
                    e.putTree(IntraModes.SEGMENT_PATHS[frame.segmentMap[n]], treeProbabilities, 0);
                }
                if (skipProbability >= 0) {
                    e.putBit(frame.empty[n] ? 1 : 0, skipProbability);
                }
                int yMode = frame.yModes[n];
                e.putTree(IntraModes.Y_PATHS[yMode], IntraModes.Y_PROBS, 0);
                for (int b = 0; b < 16; b++) {
                    int x = b & 3;
                    int mode = frame.subModes[n * 16 + b];
                    if (yMode == IntraModes.B_PRED) {
                        int above = aboveModes[mbX * 4 + x];
                        int left = leftModes[b >> 2];
                        e.putTree(IntraModes.B_PATHS[mode], IntraModes.B_PROBS, (above * 10 + left) * 9);
                    }
                    aboveModes[mbX * 4 + x] = mode;
                    leftModes[b >> 2] = mode;
                }
                e.putTree(IntraModes.UV_PATHS[frame.uvModes[n]], IntraModes.UV_PROBS, 0);
            }
        }
    }

    /** The segment id tree's three probabilities, fitted to how many macroblocks each segment has. */
    private static int[] segmentTreeProbabilities(Vp8Frame frame) {
        int[] count = new int[4];
        for (byte s : frame.segmentMap) {
            count[s]++;
        }
        return new int[] {probability(count[0] + count[1], count[2] + count[3]), probability(count[0], count[1]),
                probability(count[2], count[3])};
    }

    private static int probability(int zeros, int ones) {
        int total = zeros + ones;
        return total == 0 ? 255 : Math.max(1, Math.min(255, (255 * zeros + total / 2) / total));
    }
}
