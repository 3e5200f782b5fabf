package io.mediasync.resizer.imaging.webp;

import java.util.Arrays;

/**
 * Splits the frame into up to four segments of macroblocks of similar complexity and gives each its quantiser
 * and loop-filter level, as libwebp does: quality maps to a base compression (so that quality 75 means what it
 * means to cwebp), which each segment bends by its complexity, coarser where texture hides the error, finer
 * where flat areas would show it; smoother segments are filtered less. Segments that end up identical merge.
 */
final class SegmentPlanner {

    private static final int SEGMENTS = 4;
    private static final int MID_ALPHA = 64;
    private static final int ALPHA_RANGE = 70; // the useful spread of chroma complexity, 30..100

    private SegmentPlanner() {
    }

    static SegmentPlan plan(Planes source, SourceTransforms transforms, int quality, Tuning tuning) {
        Complexity complexity = Complexity.of(source, transforms);
        int count = complexity.alphas.length;
        int[] histogram = new int[256];
        for (int alpha : complexity.alphas) {
            histogram[alpha]++;
        }
        int[] centers = kMeans(histogram);
        int[] nearest = new int[256];
        for (int a = 0, s = 0; a < 256; a++) {
            while (s + 1 < SEGMENTS && Math.abs(a - centers[s + 1]) < Math.abs(a - centers[s])) {
                s++;
            }
            nearest[a] = s;
        }
        int min = centers[0];
        int max = centers[SEGMENTS - 1];
        if (max == min) {
            max = min + 1;
        }
        int mid = weightedMean(histogram, centers, nearest);
        double amplitude = 0.9 * tuning.snsStrength() / 100.0 / 128.0;
        double base = compression(quality / 100.0);
        int uvAc = (complexity.uvAverage - MID_ALPHA) * 10 / ALPHA_RANGE * tuning.snsStrength() / 100;
        uvAc = Math.max(-4, Math.min(6, uvAc));
        int uvDc = Math.max(-15, -4 * tuning.snsStrength() / 100);
        Segment[] segments = new Segment[SEGMENTS];
        int[] keys = new int[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            int alpha = Math.max(-127, Math.min(127, 255 * (centers[s] - mid) / (max - min)));
            int beta = Math.max(0, Math.min(255, 255 * (centers[s] - min) / (max - min)));
            double c = Math.pow(base, 1 - amplitude * alpha);
            int q = Math.max(0, Math.min(127, (int) (127 * (1 - c))));
            segments[s] = new Segment(q, uvDc, uvAc, tuning);
            int strength = (Vp8Tables.AC_QUANT[q] >> 2) * 5 * tuning.filterStrength() / (256 + beta);
            segments[s].filterLevel = strength < 2 ? 0 : Math.min(63, strength);
            keys[s] = q << 8 | segments[s].filterLevel;
        }
        return merge(segments, keys, complexity.alphas, nearest, uvDc, uvAc, count);
    }

    /** libwebp's curve: quality 0..1 to a compression 0..1 whose cube is roughly the file size. */
    private static double compression(double quality) {
        double linear = quality < 0.75 ? quality * (2.0 / 3.0) : 2.0 * quality - 1.0;
        return Math.cbrt(linear);
    }

    /** Four centres of the alpha histogram by k-means, starting evenly spread over its range. */
    private static int[] kMeans(int[] histogram) {
        int lo = 0;
        while (lo < 255 && histogram[lo] == 0) {
            lo++;
        }
        int hi = 255;
        while (hi > lo && histogram[hi] == 0) {
            hi--;
        }
        int[] centers = new int[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            centers[s] = lo + (2 * s + 1) * (hi - lo) / (2 * SEGMENTS);
        }
        long[] sum = new long[SEGMENTS];
        long[] weight = new long[SEGMENTS];
        for (int iteration = 0; iteration < 6; iteration++) {
            Arrays.fill(sum, 0);
            Arrays.fill(weight, 0);
            for (int a = lo, s = 0; a <= hi; a++) {
                while (s + 1 < SEGMENTS && Math.abs(a - centers[s + 1]) < Math.abs(a - centers[s])) {
                    s++;
                }
                sum[s] += (long) a * histogram[a];
                weight[s] += histogram[a];
            }
            int moved = 0;
            for (int s = 0; s < SEGMENTS; s++) {
                if (weight[s] > 0) {
                    int center = (int) ((sum[s] + weight[s] / 2) / weight[s]);
                    moved += Math.abs(center - centers[s]);
                    centers[s] = center;
                }
            }
            if (moved < 5) {
                break;
            }
        }
        return centers;
    }

    private static int weightedMean(int[] histogram, int[] centers, int[] nearest) {
        long sum = 0;
        long total = 0;
        for (int a = 0; a < 256; a++) {
            sum += (long) centers[nearest[a]] * histogram[a];
            total += histogram[a];
        }
        return (int) ((sum + total / 2) / total);
    }

    /** Keeps one segment per distinct (quantiser, filter level), maps every macroblock to its segment. */
    private static SegmentPlan merge(Segment[] segments, int[] keys, int[] alphas, int[] nearest, int uvDc, int uvAc,
                                     int count) {
        int[] remap = new int[SEGMENTS];
        Segment[] distinct = new Segment[SEGMENTS];
        int kept = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            int found = -1;
            for (int k = 0; k < s && found < 0; k++) {
                if (keys[k] == keys[s]) {
                    found = remap[k];
                }
            }
            if (found < 0) {
                distinct[kept] = segments[s];
                found = kept++;
            }
            remap[s] = found;
        }
        byte[] map = new byte[count];
        for (int n = 0; n < count; n++) {
            map[n] = (byte) remap[nearest[alphas[n]]];
        }
        return new SegmentPlan(Arrays.copyOf(distinct, kept), map, uvDc, uvAc);
    }
}
