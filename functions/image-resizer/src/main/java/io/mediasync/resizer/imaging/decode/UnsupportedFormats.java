package io.mediasync.resizer.imaging.decode;

import io.mediasync.resizer.imaging.Magic;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises image containers we have no reader for, so they are rejected as {@code unsupported_format}
 * (the sender sent an image, just not one we handle) rather than {@code not_an_image}.
 */
public final class UnsupportedFormats {
    private UnsupportedFormats() {
    }

    /** The human name of a recognised but unsupported image format, if {@code bytes} starts like one. */
    public static Optional<String> recognise(byte[] bytes) {
        if (Magic.startsWith(bytes, 0, 'I', 'I', 0x2A, 0x00) || Magic.startsWith(bytes, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("TIFF");
        }
        if (Magic.startsWithAscii(bytes, 4, "ftyp") && bytes.length >= 12) {
            String brand = new String(bytes, 8, 4, StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) {
                return Optional.of("AVIF");
            }
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of("HEIF");
            }
        }
        if (Magic.startsWith(bytes, 0, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', 0x20, 0x20) || Magic.startsWith(bytes, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of("JPEG 2000");
        }
        if (Magic.startsWith(bytes, 0, 0xFF, 0x0A) || Magic.startsWith(bytes, 0, 0x00, 0x00, 0x00, 0x0C, 'J', 'X', 'L', 0x20)) {
            return Optional.of("JPEG XL");
        }
        if (Magic.startsWithAscii(bytes, 0, "8BPS")) {
            return Optional.of("PSD");
        }
        if (Magic.startsWith(bytes, 0, 0x00, 0x00, 0x01, 0x00) || Magic.startsWith(bytes, 0, 0x00, 0x00, 0x02, 0x00)) {
            return Optional.of("ICO");
        }
        if (Magic.startsWithAscii(bytes, 0, "qoif")) {
            return Optional.of("QOI");
        }
        if (looksLikeSvg(bytes)) {
            return Optional.of("SVG");
        }
        return Optional.empty();
    }

    /** SVG is text: an {@code <svg} root, possibly after an XML declaration, comments or a doctype. */
    private static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<svg") || (head.startsWith("<?xml") || head.startsWith("<!--") || head.startsWith("<!doctype svg"))
                && head.contains("<svg");
    }
}
