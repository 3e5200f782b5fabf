package io.mediasync.resizer.imaging.webp;

/**
 * The ALPH chunk's payload: the alpha plane, lossless, as a VP8L image stream whose green channel carries it
 * (WebP container spec, compression method 1). Logos' alpha is long runs of 0 and 255 with anti-aliased edges, so
 * the stream is LZ77 over four neighbours (left, above, above-left, above-right: an edge slanting by a pixel a row
 * repeats the row above shifted), the longest match taken greedily, and literals for the rest; red, blue and alpha
 * are constant and cost nothing. No prediction filter: it turns the runs into noise the copies cannot reuse.
 */
final class AlphaEncoder {

    private static final int LITERALS = 256;
    private static final int LENGTH_CODES = 24;
    private static final int DISTANCE_CODES = 40;
    private static final int MAX_LENGTH = 4096;
    private static final int MIN_LENGTH = 3;
    /** Distance codes 1 to 4 of the lossless format's neighbourhood table, with their offsets (x back, y up). */
    private static final int[] CANDIDATES = {1, 2, 3, 4};
    private static final int[] CANDIDATE_DX = {0, 1, 1, -1};
    private static final int[] CANDIDATE_DY = {1, 0, 1, 1};

    private AlphaEncoder() {
    }

    static byte[] encode(byte[] alpha, int width, int height) {
        int n = width * height;
        // tokens: a literal value, or a copy (length << 3 | distance code) flagged negative
        int[] tokens = new int[n];
        int count = 0;
        int[] green = new int[LITERALS + LENGTH_CODES];
        int[] distances = new int[DISTANCE_CODES];
        for (int i = 0; i < n; ) {
            int length = 0;
            int code = 0;
            for (int k = 0; k < CANDIDATES.length; k++) {
                int distance = Math.max(1, CANDIDATE_DX[k] + CANDIDATE_DY[k] * width);
                int match = i >= distance ? run(alpha, i, distance, n) : 0;
                if (match > length) {
                    length = match;
                    code = CANDIDATES[k];
                }
            }
            if (length >= MIN_LENGTH) {
                tokens[count++] = -(length << 3 | code);
                green[LITERALS + prefix(length)]++;
                distances[prefix(code)]++;
                i += length;
            } else {
                tokens[count++] = alpha[i] & 0xFF;
                green[alpha[i] & 0xFF]++;
                i++;
            }
        }
        LosslessBitWriter out = new LosslessBitWriter(n / 8 + 64);
        out.write(1, 8); // ALPH header: no pre-processing, no filter, lossless compression
        out.write(0, 1); // no transform
        out.write(0, 1); // no colour cache
        out.write(0, 1); // one prefix-code group for the whole image
        HuffmanCode greenCode = new HuffmanCode(green, 15);
        greenCode.writeHeader(out);
        HuffmanCode.writeSingle(out, 0); // red
        HuffmanCode.writeSingle(out, 0); // blue
        HuffmanCode.writeSingle(out, 0); // alpha of the ARGB pixel, unused
        boolean copies = distances[0] + distances[1] + distances[2] + distances[3] > 0;
        HuffmanCode distanceCode = copies ? new HuffmanCode(distances, 15) : null;
        if (copies) {
            distanceCode.writeHeader(out);
        } else {
            HuffmanCode.writeSingle(out, 0);
        }
        for (int k = 0; k < count; k++) {
            int token = tokens[k];
            if (token >= 0) {
                greenCode.write(out, token);
                continue;
            }
            int length = -token >> 3;
            int code = -token & 7;
            greenCode.write(out, LITERALS + prefix(length));
            writeExtra(out, length);
            distanceCode.write(out, prefix(code));
            writeExtra(out, code);
        }
        return out.finish();
    }

    private static int run(byte[] alpha, int i, int distance, int n) {
        int limit = Math.min(n - i, MAX_LENGTH);
        int k = 0;
        while (k < limit && alpha[i + k] == alpha[i + k - distance]) {
            k++;
        }
        return k;
    }

    /** The prefix symbol of a length or distance code value v >= 1 (WebP lossless 5.2.2). */
    static int prefix(int v) {
        int d = v - 1;
        if (d < 4) {
            return d;
        }
        int high = 31 - Integer.numberOfLeadingZeros(d);
        return 2 * high + ((d >> (high - 1)) & 1);
    }

    private static void writeExtra(LosslessBitWriter out, int v) {
        int d = v - 1;
        if (d >= 4) {
            int bits = 30 - Integer.numberOfLeadingZeros(d);
            out.write(d & ((1 << bits) - 1), bits);
        }
    }
}
