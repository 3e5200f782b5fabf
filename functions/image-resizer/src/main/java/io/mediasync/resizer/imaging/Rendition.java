package io.mediasync.resizer.imaging;

import io.mediasync.common.images.SizeSpec;
/**
 * One produced size: the requested spec, the actual pixel size, and its files: the JPEG and, when asked for, the WebP
 * (each null when its format was not asked for).
 */
public record Rendition(SizeSpec size, int width, int height, byte[] jpeg, byte[] webp) {

    /** A JPEG-only rendition, as the seed's. */
    public Rendition(SizeSpec size, int width, int height, byte[] jpeg) {
        this(size, width, height, jpeg, null);
    }

    /** The file of that format, or null if it was not made. */
    public byte[] file(OutputFormat format) {
        return switch (format) {
            case JPEG -> jpeg;
            case WEBP -> webp;
        };
    }
}
