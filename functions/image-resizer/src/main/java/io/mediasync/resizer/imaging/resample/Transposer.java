package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Swaps a plane's rows and columns, so that the resampler filters both axes with the same row-wise (SIMD) loop.
 * Done in 8 x 8 pixel tiles: writing a column pixel by pixel would touch a cache line per byte. Single-channel tiles
 * are transposed as 8 longs in three rounds of masked swaps (8 bytes moved per operation).
 */
final class Transposer {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int TILE = 8;

    private Transposer() {
    }

    static Plane transpose(Plane in) {
        Plane out = Plane.allocate(in.height(), in.width(), in.channels());
        transpose(in, out.samples());
        return out;
    }

    /** {@link #transpose(Plane)} into {@code dst}, rows packed. */
    static void transpose(Plane in, byte[] dst) {
        int channels = in.channels();
        Plane out = new Plane(in.height(), in.width(), channels, in.height() * channels, dst);
        byte[] src = in.samples();
        int fullX = in.width() - in.width() % TILE;
        int fullY = in.height() - in.height() % TILE;
        for (int y = 0; y < in.height(); y += TILE) {
            for (int x = 0; x < in.width(); x += TILE) {
                int s = in.offset() + y * in.stride() + x * channels;
                int d = x * out.stride() + y * channels;
                if (channels == 1 && x < fullX && y < fullY) {
                    tile8(src, s, in.stride(), dst, d, out.stride());
                } else if (channels == RgbImage.CHANNELS && x < fullX && y < fullY) {
                    tile8x3(src, s, in.stride(), dst, d, out.stride());
                } else {
                    tile(src, s, in.stride(), Math.min(TILE, in.width() - x), Math.min(TILE, in.height() - y), channels,
                            dst, d, out.stride());
                }
            }
        }
    }

    /** A whole 8 x 8 tile of single bytes: rows as longs, then 1-, 2- and 4-byte blocks swapped across the diagonal. */
    private static void tile8(byte[] src, int s, int srcStride, byte[] dst, int d, int dstStride) {
        long r0 = (long) LONG.get(src, s);
        long r1 = (long) LONG.get(src, s + srcStride);
        long r2 = (long) LONG.get(src, s + 2 * srcStride);
        long r3 = (long) LONG.get(src, s + 3 * srcStride);
        long r4 = (long) LONG.get(src, s + 4 * srcStride);
        long r5 = (long) LONG.get(src, s + 5 * srcStride);
        long r6 = (long) LONG.get(src, s + 6 * srcStride);
        long r7 = (long) LONG.get(src, s + 7 * srcStride);
        long m = 0x00FF00FF00FF00FFL;
        long t;
        t = ((r0 >>> 8) ^ r1) & m; r1 ^= t; r0 ^= t << 8;
        t = ((r2 >>> 8) ^ r3) & m; r3 ^= t; r2 ^= t << 8;
        t = ((r4 >>> 8) ^ r5) & m; r5 ^= t; r4 ^= t << 8;
        t = ((r6 >>> 8) ^ r7) & m; r7 ^= t; r6 ^= t << 8;
        m = 0x0000FFFF0000FFFFL;
        t = ((r0 >>> 16) ^ r2) & m; r2 ^= t; r0 ^= t << 16;
        t = ((r1 >>> 16) ^ r3) & m; r3 ^= t; r1 ^= t << 16;
        t = ((r4 >>> 16) ^ r6) & m; r6 ^= t; r4 ^= t << 16;
        t = ((r5 >>> 16) ^ r7) & m; r7 ^= t; r5 ^= t << 16;
        m = 0x00000000FFFFFFFFL;
        t = ((r0 >>> 32) ^ r4) & m; r4 ^= t; r0 ^= t << 32;
        t = ((r1 >>> 32) ^ r5) & m; r5 ^= t; r1 ^= t << 32;
        t = ((r2 >>> 32) ^ r6) & m; r6 ^= t; r2 ^= t << 32;
        t = ((r3 >>> 32) ^ r7) & m; r7 ^= t; r3 ^= t << 32;
        LONG.set(dst, d, r0);
        LONG.set(dst, d + dstStride, r1);
        LONG.set(dst, d + 2 * dstStride, r2);
        LONG.set(dst, d + 3 * dstStride, r3);
        LONG.set(dst, d + 4 * dstStride, r4);
        LONG.set(dst, d + 5 * dstStride, r5);
        LONG.set(dst, d + 6 * dstStride, r6);
        LONG.set(dst, d + 7 * dstStride, r7);
    }

    /** A whole 8 x 8 tile of 3-byte pixels, one pixel at a time down each destination row. */
    private static void tile8x3(byte[] src, int s, int srcStride, byte[] dst, int d, int dstStride) {
        for (int x = 0; x < TILE; x++, s += 3, d += dstStride) {
            for (int y = 0, from = s, to = d; y < TILE; y++, from += srcStride, to += 3) {
                dst[to] = src[from];
                dst[to + 1] = src[from + 1];
                dst[to + 2] = src[from + 2];
            }
        }
    }

    /** A {@code width x height} image of {@code channels} shorts per pixel, rows packed, with rows and columns swapped. */
    static short[] transpose(short[] in, int width, int height, int channels) {
        short[] out = new short[in.length];
        for (int y0 = 0; y0 < height; y0 += TILE) {
            int yEnd = Math.min(y0 + TILE, height);
            for (int x0 = 0; x0 < width; x0 += TILE) {
                int xEnd = Math.min(x0 + TILE, width);
                for (int x = x0; x < xEnd; x++) {
                    int to = (x * height + y0) * channels;
                    int from = (y0 * width + x) * channels;
                    if (channels == 1) {
                        for (int y = y0; y < yEnd; y++, to++, from += width) {
                            out[to] = in[from];
                        }
                    } else {
                        for (int y = y0; y < yEnd; y++, to += channels, from += width * channels) {
                            System.arraycopy(in, from, out, to, channels);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void tile(byte[] src, int s, int srcStride, int width, int height, int channels, byte[] dst, int d,
            int dstStride) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int from = s + y * srcStride + x * channels;
                int to = d + x * dstStride + y * channels;
                for (int c = 0; c < channels; c++) {
                    dst[to + c] = src[from + c];
                }
            }
        }
    }
}
