package io.mediasync.resizer.imaging.webp;

/**
 * The normal loop filter of RFC 6386 chapter 15, which every decoder runs on the reconstruction: per macroblock in
 * raster order its left edge, its inner vertical edges, its top edge, its inner horizontal edges, each pixel pair
 * adjusted only where the step looks like a coding artefact (below the edge limit, flat on both sides).
 * Inner edges are left alone in a macroblock predicted whole that has no coefficient at all.
 */
final class LoopFilter {

    private LoopFilter() {
    }

    /** Filters {@code frame}'s reconstruction in place with its segments' levels and the given sharpness. */
    static void apply(Vp8Frame frame, int sharpness) {
        Planes p = frame.reconstruction;
        for (int mbY = 0, n = 0; mbY < frame.mbHeight; mbY++) {
            for (int mbX = 0; mbX < frame.mbWidth; mbX++, n++) {
                int level = frame.segments[frame.segmentMap[n]].filterLevel;
                if (level == 0) {
                    continue;
                }
                boolean inner = !frame.hasY2(n) || !frame.empty[n];
                filterMacroblock(p, mbX, mbY, level, sharpness, inner);
            }
        }
    }

    static void filterMacroblock(Planes p, int mbX, int mbY, int level, int sharpness, boolean inner) {
        int interior = level;
        if (sharpness > 0) {
            interior >>= sharpness > 4 ? 2 : 1;
            interior = Math.min(interior, 9 - sharpness);
        }
        interior = Math.max(interior, 1);
        int hev = level >= 40 ? 2 : level >= 15 ? 1 : 0;
        int mbLimit = (level + 2) * 2 + interior;
        int subLimit = level * 2 + interior;
        int y = mbY * 16 * p.yStride + mbX * 16;
        int uv = mbY * 8 * p.uvStride + mbX * 8;
        if (mbX > 0) {
            edge(p.y, y, 1, p.yStride, 16, mbLimit, interior, hev, true);
            edge(p.u, uv, 1, p.uvStride, 8, mbLimit, interior, hev, true);
            edge(p.v, uv, 1, p.uvStride, 8, mbLimit, interior, hev, true);
        }
        if (inner) {
            for (int x = 4; x < 16; x += 4) {
                edge(p.y, y + x, 1, p.yStride, 16, subLimit, interior, hev, false);
            }
            edge(p.u, uv + 4, 1, p.uvStride, 8, subLimit, interior, hev, false);
            edge(p.v, uv + 4, 1, p.uvStride, 8, subLimit, interior, hev, false);
        }
        if (mbY > 0) {
            edge(p.y, y, p.yStride, 1, 16, mbLimit, interior, hev, true);
            edge(p.u, uv, p.uvStride, 1, 8, mbLimit, interior, hev, true);
            edge(p.v, uv, p.uvStride, 1, 8, mbLimit, interior, hev, true);
        }
        if (inner) {
            for (int row = 4; row < 16; row += 4) {
                edge(p.y, y + row * p.yStride, p.yStride, 1, 16, subLimit, interior, hev, false);
            }
            edge(p.u, uv + 4 * p.uvStride, p.uvStride, 1, 8, subLimit, interior, hev, false);
            edge(p.v, uv + 4 * p.uvStride, p.uvStride, 1, 8, subLimit, interior, hev, false);
        }
    }

    /**
     * One edge of {@code length} segments: q0 of the first at {@code start}, the pixels across the edge
     * {@code step} apart, the segments {@code along} apart. The RFC's arithmetic on signed pixels (value - 128)
     * is done here on the pixels themselves: differences are the same, and converting back with a clamp to
     * -128..127 is a clamp to 0..255.
     */
    private static void edge(byte[] px, int start, int step, int along, int length, int limit, int interior,
                             int hevThreshold, boolean macroblockEdge) {
        int step2 = 2 * step;
        int step3 = 3 * step;
        for (int i = 0, q = start; i < length; i++, q += along) {
            int p1 = px[q - step2] & 0xFF;
            int p0 = px[q - step] & 0xFF;
            int q0 = px[q] & 0xFF;
            int q1 = px[q + step] & 0xFF;
            if (2 * Math.abs(p0 - q0) + (Math.abs(p1 - q1) >> 1) > limit) {
                continue;
            }
            int p3 = px[q - 4 * step] & 0xFF;
            int p2 = px[q - step3] & 0xFF;
            int q2 = px[q + step2] & 0xFF;
            int q3 = px[q + step3] & 0xFF;
            int nearEdge = Math.max(Math.abs(p1 - p0), Math.abs(q1 - q0));
            int farther = Math.max(Math.max(Math.abs(p3 - p2), Math.abs(p2 - p1)),
                    Math.max(Math.abs(q3 - q2), Math.abs(q2 - q1)));
            if (Math.max(nearEdge, farther) > interior) {
                continue;
            }
            boolean hev = nearEdge > hevThreshold;
            if (macroblockEdge && !hev) {
                // spread over three pixels each side: 27/128, 18/128 and 9/128 of the step (never beyond -128..127)
                int w = signed(signed(p1 - q1) + 3 * (q0 - p0));
                int a = (27 * w + 63) >> 7;
                px[q] = pixel(q0 - a);
                px[q - step] = pixel(p0 + a);
                a = (18 * w + 63) >> 7;
                px[q + step] = pixel(q1 - a);
                px[q - step2] = pixel(p1 + a);
                a = (9 * w + 63) >> 7;
                px[q + step2] = pixel(q2 - a);
                px[q - step3] = pixel(p2 + a);
                continue;
            }
            // common_adjust: the outer taps join in when the edge has high variance
            int a = signed((hev ? signed(p1 - q1) : 0) + 3 * (q0 - p0));
            int b = signed(a + 3) >> 3;
            a = signed(a + 4) >> 3;
            px[q] = pixel(q0 - a);
            px[q - step] = pixel(p0 + b);
            if (!macroblockEdge && !hev) {
                a = (a + 1) >> 1;
                px[q + step] = pixel(q1 - a);
                px[q - step2] = pixel(p1 + a);
            }
        }
    }

    private static int signed(int v) {
        return Math.max(-128, Math.min(127, v));
    }

    private static byte pixel(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
