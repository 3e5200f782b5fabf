package io.mediasync.resizer.imaging;

import java.util.Optional;

/** The image formats the resizer can decode. */
public enum ImageFormat {
    JPEG, PNG, GIF, BMP, WEBP;

    /** BMP's magic is only "BM", so the DIB header size that follows must also be a known one. */
    private static final int[] BMP_DIB_HEADER_SIZES = {12, 16, 40, 52, 56, 64, 108, 124};

    /** Detects the format from the first bytes (magic numbers), never from a Content-Type. */
    public static Optional<ImageFormat> detect(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (Magic.startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (Magic.startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (Magic.startsWithAscii(bytes, 0, "GIF87a") || Magic.startsWithAscii(bytes, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (Magic.startsWithAscii(bytes, 0, "RIFF") && Magic.startsWithAscii(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (Magic.startsWithAscii(bytes, 0, "BM") && bytes.length >= 26 && isKnownBmpHeaderSize(Magic.int32LE(bytes, 14))) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean isKnownBmpHeaderSize(int size) {
        for (int known : BMP_DIB_HEADER_SIZES) {
            if (size == known) {
                return true;
            }
        }
        return false;
    }
}
