package io.mediasync.resizer.imaging.png;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes non-interlaced 8-bit (and low-depth grey and palette) PNGs straight into B, G, R bytes, one row at a time:
 * inflate (the JDK's zlib), undo the row filter, flatten any transparency onto white, and optionally average
 * {@code factor x factor} blocks on the way (an exact box reduction, so a large PNG never exists at full size).
 * ImageIO's reader does the same work through per-row raster copies and takes several times as long; interlaced
 * and 16-bit PNGs still go to it. Usage: {@link #open}, then {@link #decode} once. Not thread-safe.
 */
public final class PngDecoder {

    /** Largest box reduction: the block sums stay well inside an int (255 x 256 x 256). */
    public static final int MAX_FACTOR = 256;

    private final byte[] png;
    private final PngHeader header;

    private PngDecoder(byte[] png, PngHeader header) {
        this.png = png;
        this.header = header;
    }

    /** Reads the chunks (never the compressed metadata). */
    public static PngDecoder open(byte[] png) throws PngException {
        return new PngDecoder(png, PngHeader.read(png));
    }

    public int width() {
        return header.width;
    }

    public int height() {
        return header.height;
    }

    /**
     * The image reduced by {@code factor} (each output pixel the mean of up to factor x factor pixels):
     * ceil(width / factor) x ceil(height / factor) pixels of B, G, R bytes.
     */
    public byte[] decode(int factor) throws PngException {
        return decode(factor, null);
    }

    /** The flattened pixels as {@link #decode(int)} makes them and, for WebP, their opacity (see {@link Pixels}). */
    public Pixels decodeWithAlpha(int factor) throws PngException {
        AlphaRows alpha = AlphaRows.possible(header) ? new AlphaRows(header, factor) : null;
        byte[] bgr = decode(factor, alpha);
        return new Pixels(bgr, alpha == null ? null : alpha.result());
    }

    /**
     * @param bgr           the pixels flattened onto white, B, G, R
     * @param premultiplied the same pixels with their opacity, premultiplied B, G, R, A; null when all are opaque
     */
    public record Pixels(byte[] bgr, byte[] premultiplied) {
    }

    private byte[] decode(int factor, AlphaRows alpha) throws PngException {
        if (factor < 1 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("factor must be 1.." + MAX_FACTOR + ", got " + factor);
        }
        int width = header.width;
        int height = header.height;
        int outWidth = (int) ((width + (long) factor - 1) / factor);
        int outHeight = (int) ((height + (long) factor - 1) / factor);
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), 3)];
        int bitsPerPixel = header.channels() * header.bitDepth;
        int filterStep = Math.max(1, bitsPerPixel / 8); // bytes back to the "left" pixel
        int rowBytes = (int) (((long) width * bitsPerPixel + 7) / 8);
        // filterStep leading zero bytes: the pixel left of the first one, and the row above the first row, are 0
        byte[] row = new byte[filterStep + rowBytes];
        byte[] above = new byte[filterStep + rowBytes];
        byte[] bgr = factor == 1 ? null : new byte[width * 3];
        byte[] evenRow = factor == 2 ? new byte[width * 3] : null; // factor 2 averages each odd row with the one above
        int[] sums = factor > 2 ? new int[outWidth * 3] : null;
        PixelConverter converter = new PixelConverter(header);
        Inflater inflater = new Inflater();
        try {
            int chunk = 0;
            for (int y = 0; y < height; y++) {
                chunk = inflateRow(inflater, chunk, row, filterStep, rowBytes);
                byte filter = row[filterStep - 1];
                row[filterStep - 1] = 0; // back to a zero "left neighbour" of the first pixel
                Filters.undo(filter, row, above, filterStep, rowBytes);
                if (alpha != null) {
                    alpha.add(row, filterStep, y);
                }
                if (factor == 1) {
                    converter.toBgr(row, filterStep, out, y * width * 3, width);
                } else if (factor == 2 && converter.isPlainRgb()) { // the rows as inflated: no copy
                    if ((y & 1) == 1 || y == height - 1) { // an odd last row is averaged with itself
                        halve((y & 1) == 1 ? above : row, filterStep, row, filterStep, width, 2, 0, out,
                                (y / 2) * outWidth * 3);
                    }
                } else if (factor == 2) {
                    byte[] target = (y & 1) == 0 ? evenRow : bgr;
                    converter.toBgr(row, filterStep, target, 0, width);
                    if ((y & 1) == 1 || y == height - 1) {
                        halve(evenRow, 0, target, 0, width, 0, 2, out, (y / 2) * outWidth * 3);
                    }
                } else {
                    converter.toBgr(row, filterStep, bgr, 0, width);
                    accumulate(bgr, width, factor, sums);
                    if ((y + 1) % factor == 0 || y == height - 1) {
                        int rows = y % factor + 1;
                        average(sums, width, factor, rows, out, (y / factor) * outWidth * 3);
                    }
                }
                byte[] swap = above;
                above = row;
                row = swap;
            }
        } finally {
            inflater.end();
        }
        return out;
    }

    /**
     * Inflates the next row (its filter byte into {@code row[filterStep - 1]}, then its bytes), feeding the
     * inflater IDAT chunk after chunk; returns the index of the next chunk to feed.
     */
    private int inflateRow(Inflater inflater, int chunk, byte[] row, int filterStep, int rowBytes) throws PngException {
        int at = filterStep - 1;
        int end = filterStep + rowBytes;
        try {
            while (at < end) {
                int n = inflater.inflate(row, at, end - at);
                at += n;
                if (n == 0) {
                    if (inflater.finished()) {
                        throw PngException.truncated("the image data ends before the last row");
                    }
                    if (inflater.needsDictionary()) {
                        throw PngException.corrupt("zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        if (chunk == header.data.size()) {
                            throw PngException.truncated("the image data ends before the last row");
                        }
                        int[] range = header.data.get(chunk++);
                        inflater.setInput(png, range[0], range[1]);
                    }
                }
            }
        } catch (DataFormatException e) {
            throw PngException.corrupt("bad zlib data (" + e.getMessage() + ")");
        }
        return chunk;
    }

    /**
     * The 2 x 2 means of two rows of 3-byte pixels (at {@code t} and {@code b}) as B, G, R: the bytes {@code blue}
     * and {@code red} of a pixel (2 and 0 for RGB rows, 0 and 2 for BGR), rounded as the pipeline's box reduction
     * rounds them, an odd last column averaged with itself. The common factor, without the general path's sums.
     */
    private static void halve(byte[] top, int t, byte[] bottom, int b, int width, int blue, int red, byte[] out, int o) {
        int full = width / 2;
        for (int x = 0; x < (width + 1) / 2; x++, t += 6, b += 6, o += 3) {
            int right = x < full ? 3 : 0;
            out[o] = mean(top, t + blue, bottom, b + blue, right);
            out[o + 1] = mean(top, t + 1, bottom, b + 1, right);
            out[o + 2] = mean(top, t + red, bottom, b + red, right);
        }
    }

    private static byte mean(byte[] top, int t, byte[] bottom, int b, int right) {
        return (byte) (((top[t] & 0xFF) + (top[t + right] & 0xFF) + (bottom[b] & 0xFF) + (bottom[b + right] & 0xFF) + 2) >> 2);
    }

    /** Adds a row's pixels into the sums of the output columns they fall in. */
    private static void accumulate(byte[] bgr, int width, int factor, int[] sums) {
        int o = 0;
        int i = 0;
        for (int end = width * 3; i < end; o += 3) {
            int b = 0;
            int g = 0;
            int r = 0;
            for (int stop = Math.min(i + factor * 3, end); i < stop; i += 3) {
                b += bgr[i] & 0xFF;
                g += bgr[i + 1] & 0xFF;
                r += bgr[i + 2] & 0xFF;
            }
            sums[o] += b;
            sums[o + 1] += g;
            sums[o + 2] += r;
        }
    }

    /**
     * Writes the means of the accumulated block sums and clears them; divides by a 32-bit reciprocal, rounded as
     * the pipeline's box reduction rounds (an integer division per sample costs more than the rest of the decode).
     */
    private static void average(int[] sums, int width, int factor, int rows, byte[] out, int at) {
        long inverse = Math.round((double) (1L << 32) / (factor * rows));
        int columns = (width + factor - 1) / factor;
        int full = width / factor;
        for (int x = 0, o = 0; x < columns; x++, o += 3) {
            if (x == full) {
                inverse = Math.round((double) (1L << 32) / ((width - full * factor) * rows)); // the narrower last block
            }
            for (int c = 0; c < 3; c++) {
                out[at + o + c] = (byte) ((sums[o + c] * inverse + (1L << 31)) >>> 32);
                sums[o + c] = 0;
            }
        }
    }
}
