package io.mediasync.resizer.imaging.png;

/**
 * The rows of a PNG with transparency as premultiplied B, G, R, A pixels ({@code round(c * a / 255)}, 4 bytes each),
 * reduced by the decoder's factor the way {@link PngDecoder} reduces the flattened pixels (each output pixel the
 * rounded mean of its block): what a WebP rendition keeps of the opacity, beside the flattened pixels the JPEG gets.
 * Averaging premultiplied values is what makes the mean right: a transparent pixel's hidden colour counts for nothing.
 */
final class AlphaRows {

    private final PngHeader header;
    private final int factor;
    private final int outWidth;
    private final byte[] out;
    /** B, G, R, A per palette index or low-depth grey level, premultiplied; null for 8-bit grey, RGB and RGBA. */
    private final byte[] lookup;
    private final int transparentGrey;
    private final byte[] pixels;
    private final int[] sums;
    private boolean translucent;

    AlphaRows(PngHeader header, int factor) {
        this.header = header;
        this.factor = factor;
        this.outWidth = (int) ((header.width + (long) factor - 1) / factor);
        int outHeight = (int) ((header.height + (long) factor - 1) / factor);
        this.out = new byte[Math.multiplyExact(Math.multiplyExact(outWidth, outHeight), 4)];
        this.pixels = new byte[header.width * 4];
        this.sums = factor == 1 ? null : new int[outWidth * 4];
        byte[] trns = header.transparency;
        this.transparentGrey = header.colourType == PngHeader.GREY && trns != null && trns.length >= 2
                ? ((trns[0] & 0xFF) << 8 | (trns[1] & 0xFF)) : -1;
        this.lookup = header.colourType == PngHeader.PALETTE || header.colourType == PngHeader.GREY && header.bitDepth < 8
                ? lookup(header, transparentGrey) : null;
    }

    /** Whether the PNG can hold transparency at all: an alpha channel or a tRNS chunk. */
    static boolean possible(PngHeader header) {
        return header.colourType == PngHeader.RGBA || header.colourType == PngHeader.GREY_ALPHA
                || header.transparency != null;
    }

    private static byte[] lookup(PngHeader header, int transparentGrey) {
        byte[] table = new byte[256 * 4];
        byte[] trns = header.transparency;
        if (header.colourType == PngHeader.PALETTE) {
            int entries = Math.min(header.palette.length / 3, 256);
            for (int i = 0; i < 256; i++) { // indices past the palette: opaque black, as the flattened pixels
                int a = i < entries && trns != null && i < trns.length ? trns[i] & 0xFF : 255;
                int r = i < entries ? header.palette[i * 3] & 0xFF : 0;
                int g = i < entries ? header.palette[i * 3 + 1] & 0xFF : 0;
                int b = i < entries ? header.palette[i * 3 + 2] & 0xFF : 0;
                put(table, i * 4, b, g, r, a);
            }
        } else {
            int max = (1 << header.bitDepth) - 1;
            for (int i = 0; i <= max; i++) {
                int v = (i * 255 + max / 2) / max;
                put(table, i * 4, v, v, v, i == transparentGrey ? 0 : 255);
            }
        }
        return table;
    }

    private static void put(byte[] to, int at, int b, int g, int r, int a) {
        to[at] = (byte) ((b * a + 127) / 255);
        to[at + 1] = (byte) ((g * a + 127) / 255);
        to[at + 2] = (byte) ((r * a + 127) / 255);
        to[at + 3] = (byte) a;
    }

    /** Adds unfiltered row {@code y} (its bytes from {@code at}). */
    void add(byte[] row, int at, int y) {
        int width = header.width;
        byte[] px = factor == 1 ? out : pixels;
        int o = factor == 1 ? y * width * 4 : 0;
        convert(row, at, px, o, width);
        for (int x = 0, a = o + 3; x < width && !translucent; x++, a += 4) {
            translucent = px[a] != (byte) 255;
        }
        if (factor > 1) {
            accumulate(width);
            if ((y + 1) % factor == 0 || y == header.height - 1) {
                average(width, y % factor + 1, (y / factor) * outWidth * 4);
            }
        }
    }

    /** The premultiplied pixels, or null if every pixel was opaque (then the flattened pixels are the same). */
    byte[] result() {
        return translucent ? out : null;
    }

    private void convert(byte[] row, int at, byte[] px, int o, int width) {
        byte[] trns = header.transparency;
        switch (header.colourType) {
            case PngHeader.RGBA -> {
                for (int x = 0, i = at; x < width; x++, i += 4, o += 4) {
                    put(px, o, row[i + 2] & 0xFF, row[i + 1] & 0xFF, row[i] & 0xFF, row[i + 3] & 0xFF);
                }
            }
            case PngHeader.GREY_ALPHA -> {
                for (int x = 0, i = at; x < width; x++, i += 2, o += 4) {
                    int v = row[i] & 0xFF;
                    put(px, o, v, v, v, row[i + 1] & 0xFF);
                }
            }
            case PngHeader.RGB -> { // a tRNS colour (8-bit samples: the high bytes are 0)
                boolean keyed = trns != null && trns.length >= 6 && trns[0] == 0 && trns[2] == 0 && trns[4] == 0;
                for (int x = 0, i = at; x < width; x++, i += 3, o += 4) {
                    boolean hidden = keyed && row[i] == trns[1] && row[i + 1] == trns[3] && row[i + 2] == trns[5];
                    put(px, o, row[i + 2] & 0xFF, row[i + 1] & 0xFF, row[i] & 0xFF, hidden ? 0 : 255);
                }
            }
            default -> {
                if (lookup == null) { // 8-bit grey with a tRNS level
                    for (int x = 0; x < width; x++, o += 4) {
                        int v = row[at + x] & 0xFF;
                        put(px, o, v, v, v, v == transparentGrey ? 0 : 255);
                    }
                    return;
                }
                int depth = header.bitDepth;
                int perByte = 8 / depth;
                int mask = (1 << depth) - 1;
                for (int x = 0; x < width; x++, o += 4) {
                    int index = depth == 8 ? row[at + x] & 0xFF
                            : (row[at + x / perByte] & 0xFF) >> (8 - depth * (x % perByte + 1)) & mask;
                    System.arraycopy(lookup, index * 4, px, o, 4);
                }
            }
        }
    }

    private void accumulate(int width) {
        for (int i = 0, o = 0, end = width * 4; i < end; o += 4) {
            for (int stop = Math.min(i + factor * 4, end); i < stop; i += 4) {
                sums[o] += pixels[i] & 0xFF;
                sums[o + 1] += pixels[i + 1] & 0xFF;
                sums[o + 2] += pixels[i + 2] & 0xFF;
                sums[o + 3] += pixels[i + 3] & 0xFF;
            }
        }
    }

    /** The block means, rounded as the flattened pixels' are (a 32-bit reciprocal), and the sums cleared. */
    private void average(int width, int rows, int at) {
        long inverse = Math.round((double) (1L << 32) / (factor * rows));
        int full = width / factor;
        for (int x = 0, o = 0; x < outWidth; x++, o += 4) {
            if (x == full) {
                inverse = Math.round((double) (1L << 32) / ((width - full * factor) * rows));
            }
            for (int c = 0; c < 4; c++) {
                out[at + o + c] = (byte) ((sums[o + c] * inverse + (1L << 31)) >>> 32);
                sums[o + c] = 0;
            }
        }
    }
}
