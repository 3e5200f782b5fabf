package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.util.Arrays;

/**
 * Shrinks by whole factors, each output pixel the plain average of the block of source pixels it covers (Pillow's
 * {@code reduce()}). Every source pixel is read once, so this is the cheap way to bring a big decoded image down to
 * a size the Lanczos filter then finishes: an area average is itself an anti-aliasing filter, and the Lanczos pass
 * still shrinks by at least 2x afterwards, so the result matches a single Lanczos pass to within a level or two.
 */
public final class BoxReducer {

    private BoxReducer() {
    }

    public static RgbImage reduce(RgbImage src, int factorX, int factorY) {
        return factorX == 1 && factorY == 1 ? src : RgbImage.of(reduce(src.plane(), factorX, factorY));
    }

    /** The plane reduced; rows of the result are packed. */
    public static Plane reduce(Plane src, int factorX, int factorY) {
        if (factorX < 1 || factorY < 1) {
            throw new IllegalArgumentException("reduce factors must be >= 1, got " + factorX + "x" + factorY);
        }
        if (factorX == 1 && factorY == 1) {
            return src;
        }
        if (factorX == 2 && factorY == 2 && src.channels() == 1) {
            return halveSingle(src);
        }
        if (factorX == 2 && factorY == 2 && src.channels() == RgbImage.CHANNELS) {
            return halve(src);
        }
        int channels = src.channels();
        int inWidth = src.width();
        int inHeight = src.height();
        int outWidth = ceilDiv(inWidth, factorX);
        int outHeight = ceilDiv(inHeight, factorY);
        int rowBytes = src.rowBytes();
        byte[] in = src.samples();
        Plane out = Plane.allocate(outWidth, outHeight, channels);
        byte[] dst = out.samples();
        int[] columnSums = new int[rowBytes];
        int fullBlocks = inWidth / factorX;
        for (int oy = 0, d = 0; oy < outHeight; oy++) {
            // first add up the block's rows byte by byte (a tight loop over contiguous memory)...
            int rows = Math.min(factorY, inHeight - oy * factorY);
            Arrays.fill(columnSums, 0);
            for (int r = 0, p = src.offset() + oy * factorY * src.stride(); r < rows; r++, p += src.stride()) {
                for (int i = 0; i < rowBytes; i++) {
                    columnSums[i] += in[p + i] & 0xFF;
                }
            }
            // ...then each block's columns, and divide by the block's pixel count (by a 32-bit reciprocal)
            long inverse = reciprocal(rows * factorX);
            for (int ox = 0, s = 0; ox < outWidth; ox++) {
                int columns = factorX;
                if (ox == fullBlocks) { // the partial block at the right edge
                    columns = inWidth - ox * factorX;
                    inverse = reciprocal(rows * columns);
                }
                if (channels == RgbImage.CHANNELS) {
                    int b = 0;
                    int g = 0;
                    int red = 0;
                    for (int end = s + columns * 3; s < end; s += 3) {
                        b += columnSums[s];
                        g += columnSums[s + 1];
                        red += columnSums[s + 2];
                    }
                    dst[d++] = divide(b, inverse);
                    dst[d++] = divide(g, inverse);
                    dst[d++] = divide(red, inverse);
                } else if (channels == 1) {
                    int sum = 0;
                    for (int end = s + columns; s < end; s++) {
                        sum += columnSums[s];
                    }
                    dst[d++] = divide(sum, inverse);
                } else {
                    for (int c = 0; c < channels; c++) {
                        int sum = 0;
                        for (int i = s + c, end = s + columns * channels; i < end; i += channels) {
                            sum += columnSums[i];
                        }
                        dst[d++] = divide(sum, inverse);
                    }
                    s += columns * channels;
                }
            }
        }
        return out;
    }

    /** The most common factor, unrolled for B, G, R: twice as fast as the general loops. */
    private static Plane halve(Plane src) {
        int inWidth = src.width();
        int inHeight = src.height();
        int fullColumns = inWidth / 2;
        byte[] in = src.samples();
        Plane out = Plane.allocate(ceilDiv(inWidth, 2), ceilDiv(inHeight, 2), RgbImage.CHANNELS);
        byte[] dst = out.samples();
        int d = 0;
        for (int oy = 0; oy < out.height(); oy++) {
            int top = src.offset() + 2 * oy * src.stride();
            int bottom = 2 * oy + 1 < inHeight ? top + src.stride() : top; // odd last row: average it with itself
            for (int ox = 0, a = top, b = bottom; ox < out.width(); ox++, a += 6, b += 6) {
                int right = ox < fullColumns ? 3 : 0; // odd last column: likewise
                dst[d++] = (byte) (((in[a] & 0xFF) + (in[a + right] & 0xFF) + (in[b] & 0xFF) + (in[b + right] & 0xFF) + 2) >> 2);
                dst[d++] = (byte) (((in[a + 1] & 0xFF) + (in[a + 1 + right] & 0xFF) + (in[b + 1] & 0xFF) + (in[b + 1 + right] & 0xFF) + 2) >> 2);
                dst[d++] = (byte) (((in[a + 2] & 0xFF) + (in[a + 2 + right] & 0xFF) + (in[b + 2] & 0xFF) + (in[b + 2 + right] & 0xFF) + 2) >> 2);
            }
        }
        return out;
    }

    /**
     * {@link #halve} for one channel (the planes of a JPEG): a sample's neighbours are the next bytes. A mean of 4
     * rounds half the time up and half the time down (bias 2, then 1, by column, as libjpeg's downsampling does):
     * always up adds 1/8 of a level on average, which chroma, converted, would carry into every pixel.
     */
    private static Plane halveSingle(Plane src) {
        int inWidth = src.width();
        int inHeight = src.height();
        int fullColumns = inWidth / 2;
        byte[] in = src.samples();
        Plane out = Plane.allocate(ceilDiv(inWidth, 2), ceilDiv(inHeight, 2), 1);
        byte[] dst = out.samples();
        for (int oy = 0, d = 0; oy < out.height(); oy++) {
            int a = src.offset() + 2 * oy * src.stride();
            int b = 2 * oy + 1 < inHeight ? a + src.stride() : a;
            for (int ox = 0; ox < fullColumns; ox++, a += 2, b += 2) {
                dst[d++] = (byte) (((in[a] & 0xFF) + (in[a + 1] & 0xFF) + (in[b] & 0xFF) + (in[b + 1] & 0xFF) + 2 - (ox & 1)) >> 2);
            }
            if (fullColumns < out.width()) {
                dst[d++] = (byte) (((in[a] & 0xFF) + (in[b] & 0xFF) + (fullColumns & 1 ^ 1)) >> 1);
            }
        }
        return out;
    }

    private static long reciprocal(int n) {
        return Math.round((double) (1L << 32) / n);
    }

    /** Rounded sum / n, with {@code inverse} = 2^32 / n. */
    private static byte divide(int sum, long inverse) {
        return (byte) ((sum * inverse + (1L << 31)) >>> 32);
    }

    public static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
