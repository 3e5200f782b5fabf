package io.mediasync.resizer.imaging.webp;

/**
 * Turns an encoded frame into a VP8 key frame (RFC 6386 chapters 9 and 19): the frame tag and start code, the
 * first partition (header, probability updates, per-macroblock modes) and one token partition. The coefficient
 * probabilities are fitted to the frame's own tokens; the skip flag is used when it costs less than the
 * end-of-block tokens of the empty macroblocks it replaces.
 */
final class Vp8Writer {

    private Vp8Writer() {
    }

    static byte[] write(Vp8Frame frame, int sharpness) {
        int count = frame.mbWidth * frame.mbHeight;
        int emptyCount = 0;
        for (boolean empty : frame.empty) {
            emptyCount += empty ? 1 : 0;
        }
        int[] probabilities = new int[CoefficientProbabilities.COUNT];
        boolean[] updated = new boolean[CoefficientProbabilities.COUNT];
        TokenStats stats = frame.stats;
        stats.probabilities(probabilities, updated);
        int skipProbability = Math.max(1, Math.min(255, (count - emptyCount) * 255 / count));
        boolean useSkip = emptyCount > 0
                && BitCost.branch(emptyCount, count, skipProbability) + 8 * 256 < frame.emptyStats.cost(probabilities);
        if (useSkip) { // the empty macroblocks' end-of-blocks are gone: fit the probabilities again
            stats.subtract(frame.emptyStats);
            stats.probabilities(probabilities, updated);
        }
        byte[] first = HeaderWriter.firstPartition(frame, sharpness, probabilities, updated,
                useSkip ? skipProbability : -1);
        BoolEncoder tokens = new BoolEncoder(count * 16);
        TokenSink writer = new TokenSink() {
            @Override
            public void adaptive(int bit, int index) {
                tokens.putBit(bit, probabilities[index]);
            }

            @Override
            public void fixed(int bit, int probability) {
                tokens.putBit(bit, probability);
            }
        };
        int[] topNz = new int[frame.mbWidth * MacroblockTokens.CONTEXTS];
        int[] leftNz = new int[MacroblockTokens.CONTEXTS];
        for (int mbY = 0, n = 0; mbY < frame.mbHeight; mbY++) {
            java.util.Arrays.fill(leftNz, 0);
            for (int mbX = 0; mbX < frame.mbWidth; mbX++, n++) {
                int t = mbX * MacroblockTokens.CONTEXTS;
                if (useSkip && frame.empty[n]) {
                    MacroblockTokens.skip(frame.hasY2(n), topNz, t, leftNz);
                } else {
                    MacroblockTokens.code(writer, frame.levels, n * 400, frame.hasY2(n), topNz, t, leftNz);
                }
            }
        }
        return assemble(frame, first, tokens.finish());
    }

    /**
     * The frame header, then the partitions, then one zero byte: a reader that fetches a byte ahead of the bits
     * it needs (RFC 6386's reference decoder does, and TwelveMonkeys') would otherwise run off the end; libwebp's
     * encoder leaves such a byte too.
     */
    private static byte[] assemble(Vp8Frame frame, byte[] first, byte[] tokens) {
        if (first.length >= 1 << 19) { // the frame tag has 19 bits for it: far beyond any rendition
            throw new IllegalArgumentException("picture too large for one VP8 frame's mode partition: "
                    + frame.width + "x" + frame.height);
        }
        byte[] out = new byte[10 + first.length + tokens.length + 1];
        int tag = 1 << 4 | first.length << 5; // key frame (0), version 0, shown
        out[0] = (byte) tag;
        out[1] = (byte) (tag >> 8);
        out[2] = (byte) (tag >> 16);
        out[3] = (byte) 0x9d;
        out[4] = 0x01;
        out[5] = 0x2a;
        out[6] = (byte) frame.width;
        out[7] = (byte) (frame.width >> 8); // scale bits 0: no upscaling
        out[8] = (byte) frame.height;
        out[9] = (byte) (frame.height >> 8);
        System.arraycopy(first, 0, out, 10, first.length);
        System.arraycopy(tokens, 0, out, 10 + first.length, tokens.length);
        return out;
    }
}
