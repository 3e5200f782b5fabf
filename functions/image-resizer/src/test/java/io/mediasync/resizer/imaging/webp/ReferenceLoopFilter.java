package io.mediasync.resizer.imaging.webp;

/**
 * The normal loop filter written out a second time, as close to the text of RFC 6386 chapter 15 as Java allows:
 * pixels gathered into a segment {p3 p2 p1 p0 q0 q1 q2 q3}, converted to signed values (u2s), filtered by the
 * RFC's functions (filter_yes, hev, common_adjust, subblock_filter, MBfilter) and scattered back (s2u). It checks
 * the encoder's own filter (written for speed, on unsigned pixels) where no conforming decoder is at hand.
 */
final class ReferenceLoopFilter {

    private ReferenceLoopFilter() {
    }

    /** Per macroblock in raster order: its level (0: not filtered) and whether its inner edges are filtered. */
    interface Parameters {
        int level(int macroblock);

        boolean inner(int macroblock);
    }

    static void apply(byte[][] planes, int[] strides, int mbWidth, int mbHeight, int sharpness, Parameters parameters) {
        for (int mbY = 0, n = 0; mbY < mbHeight; mbY++) {
            for (int mbX = 0; mbX < mbWidth; mbX++, n++) {
                int level = parameters.level(n);
                if (level == 0) {
                    continue;
                }
                int interiorLimit = level;
                if (sharpness != 0) {
                    interiorLimit >>= sharpness > 4 ? 2 : 1;
                    if (interiorLimit > 9 - sharpness) {
                        interiorLimit = 9 - sharpness;
                    }
                }
                if (interiorLimit == 0) {
                    interiorLimit = 1;
                }
                int hevThreshold = level >= 40 ? 2 : level >= 15 ? 1 : 0;
                int mbEdgeLimit = (level + 2) * 2 + interiorLimit;
                int subEdgeLimit = level * 2 + interiorLimit;
                for (int p = 0; p < 3; p++) {
                    int size = p == 0 ? 16 : 8;
                    byte[] px = planes[p];
                    int stride = strides[p];
                    int x0 = mbX * size;
                    int y0 = mbY * size;
                    if (mbX > 0) {
                        for (int row = 0; row < size; row++) {
                            filterAcross(px, (y0 + row) * stride + x0, 1, true, hevThreshold, interiorLimit, mbEdgeLimit);
                        }
                    }
                    if (parameters.inner(n)) {
                        for (int x = 4; x < size; x += 4) {
                            for (int row = 0; row < size; row++) {
                                filterAcross(px, (y0 + row) * stride + x0 + x, 1, false, hevThreshold, interiorLimit,
                                        subEdgeLimit);
                            }
                        }
                    }
                    if (mbY > 0) {
                        for (int col = 0; col < size; col++) {
                            filterAcross(px, y0 * stride + x0 + col, stride, true, hevThreshold, interiorLimit, mbEdgeLimit);
                        }
                    }
                    if (parameters.inner(n)) {
                        for (int y = 4; y < size; y += 4) {
                            for (int col = 0; col < size; col++) {
                                filterAcross(px, (y0 + y) * stride + x0 + col, stride, false, hevThreshold,
                                        interiorLimit, subEdgeLimit);
                            }
                        }
                    }
                }
            }
        }
    }

    /** One segment, q0 at {@code at}, its pixels {@code step} apart. */
    private static void filterAcross(byte[] px, int at, int step, boolean macroblockEdge, int hevThreshold,
                                     int interiorLimit, int edgeLimit) {
        int[] segment = new int[8];
        for (int i = 0; i < 8; i++) {
            segment[i] = u2s(px[at + (i - 4) * step] & 0xFF);
        }
        if (macroblockEdge) {
            mbFilter(hevThreshold, interiorLimit, edgeLimit, segment);
        } else {
            subblockFilter(hevThreshold, interiorLimit, edgeLimit, segment);
        }
        for (int i = 0; i < 8; i++) {
            px[at + (i - 4) * step] = (byte) s2u(segment[i]);
        }
    }

    // segment indices: P3 P2 P1 P0 Q0 Q1 Q2 Q3
    private static final int P3 = 0, P2 = 1, P1 = 2, P0 = 3, Q0 = 4, Q1 = 5, Q2 = 6, Q3 = 7;

    private static int u2s(int v) {
        return v - 128;
    }

    private static int s2u(int v) {
        return c(v) + 128;
    }

    /** Clamps to the int8 range. */
    private static int c(int v) {
        return v < -128 ? -128 : v > 127 ? 127 : v;
    }

    private static boolean filterYes(int interior, int edge, int[] s) {
        return Math.abs(s[P0] - s[Q0]) * 2 + (Math.abs(s[P1] - s[Q1]) >> 1) <= edge
                && Math.abs(s[P3] - s[P2]) <= interior && Math.abs(s[P2] - s[P1]) <= interior
                && Math.abs(s[P1] - s[P0]) <= interior && Math.abs(s[Q3] - s[Q2]) <= interior
                && Math.abs(s[Q2] - s[Q1]) <= interior && Math.abs(s[Q1] - s[Q0]) <= interior;
    }

    private static boolean hev(int threshold, int[] s) {
        return Math.abs(s[P1] - s[P0]) > threshold || Math.abs(s[Q1] - s[Q0]) > threshold;
    }

    private static int commonAdjust(boolean useOuterTaps, int[] s) {
        int a = c((useOuterTaps ? c(s[P1] - s[Q1]) : 0) + 3 * (s[Q0] - s[P0]));
        int b = c(a + 3) >> 3;
        a = c(a + 4) >> 3;
        s[Q0] = c(s[Q0] - a);
        s[P0] = c(s[P0] + b);
        return a;
    }

    private static void subblockFilter(int hevThreshold, int interior, int edge, int[] s) {
        if (filterYes(interior, edge, s)) {
            boolean hv = hev(hevThreshold, s);
            int p1 = s[P1];
            int q1 = s[Q1];
            int a = (commonAdjust(hv, s) + 1) >> 1;
            if (!hv) {
                s[Q1] = c(q1 - a);
                s[P1] = c(p1 + a);
            }
        }
    }

    private static void mbFilter(int hevThreshold, int interior, int edge, int[] s) {
        if (filterYes(interior, edge, s)) {
            if (!hev(hevThreshold, s)) {
                int w = c(c(s[P1] - s[Q1]) + 3 * (s[Q0] - s[P0]));
                int a = c((27 * w + 63) >> 7);
                s[Q0] = c(s[Q0] - a);
                s[P0] = c(s[P0] + a);
                a = c((18 * w + 63) >> 7);
                s[Q1] = c(s[Q1] - a);
                s[P1] = c(s[P1] + a);
                a = c((9 * w + 63) >> 7);
                s[Q2] = c(s[Q2] - a);
                s[P2] = c(s[P2] + a);
            } else {
                commonAdjust(true, s);
            }
        }
    }
}
