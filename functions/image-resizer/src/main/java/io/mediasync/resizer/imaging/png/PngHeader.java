package io.mediasync.resizer.imaging.png;

import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of a PNG this decoder needs: IHDR, PLTE, tRNS and where the IDAT data lies. Every other chunk is
 * skipped unread: text (tEXt, zTXt, iTXt), profiles and the rest are metadata, and compressed metadata is never
 * inflated (a zTXt chunk can inflate to gigabytes). ImageIO does not apply iCCP or gAMA to the pixels either.
 */
final class PngHeader {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    final int width;
    final int height;
    final int bitDepth;
    final int colourType;
    /** R, G, B per palette entry, or null. */
    byte[] palette;
    /** tRNS: alpha per palette entry, or the transparent grey/RGB sample values (as 16-bit big-endian), or null. */
    byte[] transparency;
    /** Offset and length of each IDAT chunk's data, in order. */
    final List<int[]> data = new ArrayList<>();

    private PngHeader(int width, int height, int bitDepth, int colourType) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.colourType = colourType;
    }

    static PngHeader read(byte[] png) throws PngException {
        if (png.length < 33 || int32(png, 12) != 0x49484452) { // "IHDR"
            throw PngException.corrupt("no IHDR chunk");
        }
        int width = int32(png, 16);
        int height = int32(png, 20);
        int bitDepth = png[24] & 0xFF;
        int colourType = png[25] & 0xFF;
        if (width <= 0 || height <= 0) {
            throw PngException.corrupt("IHDR says " + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height));
        }
        if ((png[26] | png[27]) != 0) {
            throw PngException.unsupported("compression or filter method other than 0");
        }
        if (png[28] != 0) {
            throw PngException.unsupported("interlacing");
        }
        boolean supported = switch (colourType) {
            case GREY, PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case RGB, GREY_ALPHA, RGBA -> bitDepth == 8;
            default -> false;
        };
        if (!supported) {
            throw PngException.unsupported("colour type " + colourType + " at " + bitDepth + " bits");
        }
        PngHeader header = new PngHeader(width, height, bitDepth, colourType);
        // up to IEND, or the end of the data: whether cut-off image data is too short shows when it is inflated
        for (int p = 33; p + 8 <= png.length; ) {
            int length = int32(png, p);
            int type = int32(png, p + 4);
            if (length < 0) {
                throw PngException.corrupt("chunk length over 2^31");
            }
            int available = (int) Math.min(length, png.length - (p + 8L));
            switch (type) {
                case 0x504C5445 -> header.palette = java.util.Arrays.copyOfRange(png, p + 8, p + 8 + available); // PLTE
                case 0x74524E53 -> header.transparency = java.util.Arrays.copyOfRange(png, p + 8, p + 8 + available); // tRNS
                case 0x49444154 -> header.data.add(new int[] {p + 8, available}); // IDAT
                case 0x49454E44 -> { // IEND
                    return header.checked(true);
                }
                default -> {
                    if ((png[p + 4] & 0x20) == 0 && type != 0x49484452) {
                        throw PngException.unsupported("unknown critical chunk"); // ImageIO decides what it means
                    }
                }
            }
            if (available < length) {
                break;
            }
            p += 12 + length;
        }
        return header.checked(false);
    }

    /**
     * @param complete whether every chunk up to IEND is there. ImageIO reads a palette image's chunks up to IEND
     *                 before its pixels, and rejects it when they are cut short; for other colour types it stops
     *                 at the first IDAT and only the rows must be complete: the same verdicts here.
     */
    private PngHeader checked(boolean complete) throws PngException {
        if (!complete && colourType == PALETTE) {
            throw PngException.truncated("the data ends before IEND");
        }
        if (data.isEmpty()) {
            throw PngException.corrupt("no IDAT chunk");
        }
        if (colourType == PALETTE && (palette == null || palette.length % 3 != 0 || palette.length == 0)) {
            throw PngException.corrupt("palette image without a valid PLTE chunk");
        }
        return this;
    }

    int channels() {
        return switch (colourType) {
            case RGB -> 3;
            case GREY_ALPHA -> 2;
            case RGBA -> 4;
            default -> 1;
        };
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
