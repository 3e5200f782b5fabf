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
     * {@code step} apart, the segments {@code along} apart.
     */
    private static void edge(byte[] px, int start, int step, int along, int length, int limit, int interior,
                             int hevThreshold, boolean macroblockEdge) {
        for (int i = 0, q0 = start; i < length; i++, q0 += along) {
            int p3 = px[q0 - 4 * step] & 0xFF;
            int p2 = px[q0 - 3 * step] & 0xFF;
            int p1 = px[q0 - 2 * step] & 0xFF;
            int p0 = px[q0 - step] & 0xFF;
            int v0 = px[q0] & 0xFF;
            int v1 = px[q0 + step] & 0xFF;
            int v2 = px[q0 + 2 * step] & 0xFF;
            int v3 = px[q0 + 3 * step] & 0xFF;
            if (Math.abs(p0 - v0) * 2 + (Math.abs(p1 - v1) >> 1) > limit
                    || Math.abs(p3 - p2) > interior || Math.abs(p2 - p1) > interior || Math.abs(p1 - p0) > interior
                    || Math.abs(v3 - v2) > interior || Math.abs(v2 - v1) > interior || Math.abs(v1 - v0) > interior) {
                continue;
            }
            boolean hev = Math.abs(p1 - p0) > hevThreshold || Math.abs(v1 - v0) > hevThreshold;
            // the RFC's signed pixel values
            int sp2 = p2 - 128, sp1 = p1 - 128, sp0 = p0 - 128, sq0 = v0 - 128, sq1 = v1 - 128, sq2 = v2 - 128;
            if (macroblockEdge && !hev) {
                int w = clamp(clamp(sp1 - sq1) + 3 * (sq0 - sp0));
                int a = clamp((27 * w + 63) >> 7);
                px[q0] = unsigned(sq0 - a);
                px[q0 - step] = unsigned(sp0 + a);
                a = clamp((18 * w + 63) >> 7);
                px[q0 + step] = unsigned(sq1 - a);
                px[q0 - 2 * step] = unsigned(sp1 + a);
                a = clamp((9 * w + 63) >> 7);
                px[q0 + 2 * step] = unsigned(sq2 - a);
                px[q0 - 3 * step] = unsigned(sp2 + a);
                continue;
            }
            // common_adjust: the outer taps join in when the edge has high variance
            int a = clamp((hev ? clamp(sp1 - sq1) : 0) + 3 * (sq0 - sp0));
            int b = clamp(a + 3) >> 3;
            a = clamp(a + 4) >> 3;
            px[q0] = unsigned(sq0 - a);
            px[q0 - step] = unsigned(sp0 + b);
            if (!macroblockEdge && !hev) {
                a = (a + 1) >> 1;
                px[q0 + step] = unsigned(sq1 - a);
                px[q0 - 2 * step] = unsigned(sp1 + a);
            }
        }
    }

    private static int clamp(int v) {
        return v < -128 ? -128 : v > 127 ? 127 : v;
    }

    private static byte unsigned(int v) {
        return (byte) (clamp(v) + 128);
    }
}
