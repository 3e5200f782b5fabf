package io.mediasync.resizer.imaging.jpeg;

/**
 * Brings one row of a component to the output grid: libjpeg's "fancy" triangle filters for 2:1 ratios (h2v1, h2v2,
 * as ImageIO uses them), replication for the other ratios, and averaging where a component has more samples than
 * the output along a row.
 */
final class Upsampler {

    private Upsampler() {
    }

    static void averageColumns(byte[] in, int at, int count, int group, byte[] out) {
        for (int x = 0, o = 0; x < count; x += group, o++) {
            int n = Math.min(group, count - x);
            int sum = n / 2;
            for (int j = 0; j < n; j++) {
                sum += in[at + x + j] & 0xFF;
            }
            out[o] = (byte) (sum / n);
        }
    }

    /** libjpeg's h2v1 triangle filter: each output is 3/4 of the nearer input and 1/4 of the farther. */
    static void h2v1(byte[] in, int at, int count, byte[] out) {
        if (count == 1) {
            out[0] = in[at];
            out[1] = in[at];
            return;
        }
        out[0] = in[at];
        out[1] = (byte) ((3 * (in[at] & 0xFF) + (in[at + 1] & 0xFF) + 2) >> 2);
        int o = 2;
        for (int x = at + 1, end = at + count - 1; x < end; x++, o += 2) {
            int current = 3 * (in[x] & 0xFF);
            out[o] = (byte) ((current + (in[x - 1] & 0xFF) + 1) >> 2);
            out[o + 1] = (byte) ((current + (in[x + 1] & 0xFF) + 2) >> 2);
        }
        int last = at + count - 1;
        out[o] = (byte) ((3 * (in[last] & 0xFF) + (in[last - 1] & 0xFF) + 1) >> 2);
        out[o + 1] = in[last];
    }

    /** libjpeg's h2v2 triangle filter: column sums of 3 x nearer row + farther row, then the h2v1 weights. */
    static void h2v2(byte[] in, int near, int far, int count, byte[] out) {
        int thisSum = 3 * (in[near] & 0xFF) + (in[far] & 0xFF);
        if (count == 1) {
            out[0] = (byte) ((thisSum * 4 + 8) >> 4);
            out[1] = (byte) ((thisSum * 4 + 7) >> 4);
            return;
        }
        int nextSum = 3 * (in[near + 1] & 0xFF) + (in[far + 1] & 0xFF);
        out[0] = (byte) ((thisSum * 4 + 8) >> 4);
        out[1] = (byte) ((thisSum * 3 + nextSum + 7) >> 4);
        int lastSum = thisSum;
        thisSum = nextSum;
        int o = 2;
        for (int x = 1; x < count - 1; x++, o += 2) {
            nextSum = 3 * (in[near + x + 1] & 0xFF) + (in[far + x + 1] & 0xFF);
            out[o] = (byte) ((thisSum * 3 + lastSum + 8) >> 4);
            out[o + 1] = (byte) ((thisSum * 3 + nextSum + 7) >> 4);
            lastSum = thisSum;
            thisSum = nextSum;
        }
        out[o] = (byte) ((thisSum * 3 + lastSum + 8) >> 4);
        out[o + 1] = (byte) ((thisSum * 4 + 7) >> 4);
    }

    static void replicate(byte[] in, int at, int count, int ratio, byte[] out) {
        for (int x = 0, o = 0; x < count; x++) {
            byte v = in[at + x];
            for (int r = 0; r < ratio; r++) {
                out[o++] = v;
            }
        }
    }
}
