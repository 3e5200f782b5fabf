package io.mediasync.resizer.imaging.png;

/**
 * One unfiltered row to B, G, R bytes, transparency flattened onto white the way the ImageIO path does it
 * ({@code (v * a + 255 * (255 - a) + 127) / 255}). Grey below 8 bits is scaled to 0..255 as ImageIO's grey ramp is.
 */
final class PixelConverter {

    private final PngHeader header;
    /** Palette entries (or low-depth grey levels) already flattened: B, G, R per index. */
    private final byte[] lookup;
    /** The tRNS grey of an 8-bit grey image (a 16-bit sample: over 255 never matches), or -1. */
    private final int transparentGrey;
    /** Whether an RGB image has a tRNS colour an 8-bit pixel can match. */
    private final boolean keyedRgb;

    PixelConverter(PngHeader header) {
        this.header = header;
        byte[] trns = header.transparency;
        int levels = 1 << header.bitDepth;
        if (header.colourType == PngHeader.PALETTE) {
            lookup = new byte[256 * 3]; // indices past the palette stay black
            int entries = Math.min(header.palette.length / 3, 256);
            for (int i = 0; i < entries; i++) {
                int alpha = trns != null && i < trns.length ? trns[i] & 0xFF : 255;
                for (int c = 0; c < 3; c++) {
                    lookup[i * 3 + 2 - c] = (byte) onWhite(header.palette[i * 3 + c] & 0xFF, alpha);
                }
            }
        } else if (header.colourType == PngHeader.GREY && header.bitDepth < 8) {
            lookup = new byte[levels * 3];
            int max = levels - 1;
            int transparent = trns != null && trns.length >= 2 ? ((trns[0] & 0xFF) << 8 | (trns[1] & 0xFF)) : -1;
            for (int i = 0; i < levels; i++) {
                byte v = (byte) (i == transparent ? 255 : (i * 255 + max / 2) / max);
                lookup[i * 3] = v;
                lookup[i * 3 + 1] = v;
                lookup[i * 3 + 2] = v;
            }
        } else {
            lookup = null;
        }
        transparentGrey = header.colourType == PngHeader.GREY && trns != null && trns.length >= 2 && header.bitDepth == 8
                ? ((trns[0] & 0xFF) << 8 | (trns[1] & 0xFF)) : -1;
        keyedRgb = header.colourType == PngHeader.RGB && trns != null && trns.length >= 6
                && trns[0] == 0 && trns[2] == 0 && trns[4] == 0;
    }

    /** Whether rows are 8-bit R, G, B with no transparent colour: bytes that need only reordering. */
    boolean isPlainRgb() {
        return header.colourType == PngHeader.RGB && header.bitDepth == 8 && !keyedRgb;
    }

    static int onWhite(int value, int alpha) {
        return (value * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    void toBgr(byte[] row, int at, byte[] out, int o, int width) {
        switch (header.colourType) {
            case PngHeader.RGB -> rgb(row, at, out, o, width);
            case PngHeader.RGBA -> rgba(row, at, out, o, width);
            case PngHeader.GREY_ALPHA -> greyAlpha(row, at, out, o, width);
            case PngHeader.GREY -> {
                if (header.bitDepth == 8) {
                    grey(row, at, out, o, width);
                } else {
                    packed(row, at, out, o, width);
                }
            }
            default -> {
                if (header.bitDepth == 8) {
                    for (int x = 0; x < width; x++, o += 3) {
                        int i = (row[at + x] & 0xFF) * 3;
                        out[o] = lookup[i];
                        out[o + 1] = lookup[i + 1];
                        out[o + 2] = lookup[i + 2];
                    }
                } else {
                    packed(row, at, out, o, width);
                }
            }
        }
    }

    private void rgb(byte[] row, int at, byte[] out, int o, int width) {
        byte[] trns = header.transparency;
        boolean keyed = keyedRgb;
        for (int x = 0, i = at; x < width; x++, i += 3, o += 3) {
            byte r = row[i];
            byte g = row[i + 1];
            byte b = row[i + 2];
            if (keyed && r == trns[1] && g == trns[3] && b == trns[5]) {
                r = g = b = (byte) 255;
            }
            out[o] = b;
            out[o + 1] = g;
            out[o + 2] = r;
        }
    }

    private static void rgba(byte[] row, int at, byte[] out, int o, int width) {
        for (int x = 0, i = at; x < width; x++, i += 4, o += 3) {
            int a = row[i + 3] & 0xFF;
            if (a == 255) {
                out[o] = row[i + 2];
                out[o + 1] = row[i + 1];
                out[o + 2] = row[i];
            } else {
                out[o] = (byte) onWhite(row[i + 2] & 0xFF, a);
                out[o + 1] = (byte) onWhite(row[i + 1] & 0xFF, a);
                out[o + 2] = (byte) onWhite(row[i] & 0xFF, a);
            }
        }
    }

    private void grey(byte[] row, int at, byte[] out, int o, int width) {
        for (int x = 0; x < width; x++, o += 3) {
            int v = row[at + x] & 0xFF;
            byte b = (byte) (v == transparentGrey ? 255 : v);
            out[o] = b;
            out[o + 1] = b;
            out[o + 2] = b;
        }
    }

    private static void greyAlpha(byte[] row, int at, byte[] out, int o, int width) {
        for (int x = 0, i = at; x < width; x++, i += 2, o += 3) {
            byte v = (byte) onWhite(row[i] & 0xFF, row[i + 1] & 0xFF);
            out[o] = v;
            out[o + 1] = v;
            out[o + 2] = v;
        }
    }

    /** 1, 2 or 4 bits per pixel (grey or palette index), most significant first, through the lookup. */
    private void packed(byte[] row, int at, byte[] out, int o, int width) {
        int depth = header.bitDepth;
        int perByte = 8 / depth;
        int mask = (1 << depth) - 1;
        for (int x = 0; x < width; x++, o += 3) {
            int shift = 8 - depth * (x % perByte + 1);
            int i = ((row[at + x / perByte] & 0xFF) >> shift & mask) * 3;
            out[o] = lookup[i];
            out[o + 1] = lookup[i + 1];
            out[o + 2] = lookup[i + 2];
        }
    }
}
