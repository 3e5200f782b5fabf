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
        int[] sums = factor == 1 ? null : new int[outWidth * 3];
        PixelConverter converter = new PixelConverter(header);
        Inflater inflater = new Inflater();
        try {
            int chunk = 0;
            for (int y = 0; y < height; y++) {
                chunk = inflateRow(inflater, chunk, row, filterStep, rowBytes);
                byte filter = row[filterStep - 1];
                row[filterStep - 1] = 0; // back to a zero "left neighbour" of the first pixel
                Filters.undo(filter, row, above, filterStep, rowBytes);
                if (factor == 1) {
                    converter.toBgr(row, filterStep, out, y * width * 3, width);
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

    /** Adds a row's pixels into the sums of the output columns they fall in. */
    private static void accumulate(byte[] bgr, int width, int factor, int[] sums) {
        int full = width / factor; // blocks of whole width; a narrower one may end the row
        int o = 0;
        int i = 0;
        if (factor == 2) {
            for (; o < full * 3; o += 3, i += 6) {
                sums[o] += (bgr[i] & 0xFF) + (bgr[i + 3] & 0xFF);
                sums[o + 1] += (bgr[i + 1] & 0xFF) + (bgr[i + 4] & 0xFF);
                sums[o + 2] += (bgr[i + 2] & 0xFF) + (bgr[i + 5] & 0xFF);
            }
        }
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
