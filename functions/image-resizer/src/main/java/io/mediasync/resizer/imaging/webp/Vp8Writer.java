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
        boolean[] empty = new boolean[count];
        int emptyCount = 0;
        for (int n = 0; n < count; n++) {
            empty[n] = MacroblockTokens.empty(frame.levels, n * 400);
            emptyCount += empty[n] ? 1 : 0;
        }
        int[] probabilities = new int[CoefficientProbabilities.COUNT];
        boolean[] updated = new boolean[CoefficientProbabilities.COUNT];
        TokenStats stats = new TokenStats();
        walk(frame, stats, null);
        stats.probabilities(probabilities, updated);
        int skipProbability = Math.max(1, Math.min(255, (count - emptyCount) * 255 / count));
        boolean useSkip = false;
        if (emptyCount > 0) {
            TokenCost endCost = new TokenCost(probabilities);
            walk(frame, endCost, empty);
            long flags = BitCost.branch(emptyCount, count, skipProbability) + 8 * 256;
            useSkip = flags < endCost.total;
        }
        if (useSkip) { // the empty macroblocks' end-of-block tokens are gone: fit the probabilities again
            stats.clear();
            walk(frame, stats, empty);
            stats.probabilities(probabilities, updated);
        }
        byte[] first = HeaderWriter.firstPartition(frame, sharpness, probabilities, updated,
                useSkip ? skipProbability : -1, empty);
        BoolEncoder tokens = new BoolEncoder(count * 16);
        walk(frame, new TokenWriter(tokens, probabilities), useSkip ? empty : null);
        return assemble(frame, first, tokens.finish());
    }

    /**
     * Codes every macroblock's tokens into {@code sink} with their contexts; macroblocks marked in {@code skipped}
     * send nothing (a sink that is a {@link TokenCost} instead only counts those, to price them).
     */
    private static void walk(Vp8Frame frame, TokenSink sink, boolean[] skipped) {
        int[] topNz = new int[frame.mbWidth * MacroblockTokens.CONTEXTS];
        int[] leftNz = new int[MacroblockTokens.CONTEXTS];
        boolean pricing = sink instanceof TokenCost;
        for (int mbY = 0, n = 0; mbY < frame.mbHeight; mbY++) {
            java.util.Arrays.fill(leftNz, 0);
            for (int mbX = 0; mbX < frame.mbWidth; mbX++, n++) {
                int t = mbX * MacroblockTokens.CONTEXTS;
                boolean skip = skipped != null && skipped[n];
                if (pricing) {
                    ((TokenCost) sink).counting = skip;
                    MacroblockTokens.code(sink, frame.levels, n * 400, frame.hasY2(n), topNz, t, leftNz);
                } else if (skip) {
                    MacroblockTokens.skip(frame.hasY2(n), topNz, t, leftNz);
                } else {
                    MacroblockTokens.code(sink, frame.levels, n * 400, frame.hasY2(n), topNz, t, leftNz);
                }
            }
        }
    }

    private static byte[] assemble(Vp8Frame frame, byte[] first, byte[] tokens) {
        byte[] out = new byte[10 + first.length + tokens.length];
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

    /** Writes tokens with the frame's probabilities. */
    private static final class TokenWriter implements TokenSink {
        private final BoolEncoder out;
        private final int[] probabilities;

        TokenWriter(BoolEncoder out, int[] probabilities) {
            this.out = out;
            this.probabilities = probabilities;
        }

        @Override
        public void adaptive(int bit, int index) {
            out.putBit(bit, probabilities[index]);
        }

        @Override
        public void fixed(int bit, int probability) {
            out.putBit(bit, probability);
        }
    }

    /** Adds up what the tokens of the macroblocks it is told to count would cost. */
    private static final class TokenCost implements TokenSink {
        private final int[] probabilities;
        boolean counting;
        long total;

        TokenCost(int[] probabilities) {
            this.probabilities = probabilities;
        }

        @Override
        public void adaptive(int bit, int index) {
            if (counting) {
                total += BitCost.of(bit, probabilities[index]);
            }
        }

        @Override
        public void fixed(int bit, int probability) {
            if (counting) {
                total += BitCost.of(bit, probability);
            }
        }
    }
}
