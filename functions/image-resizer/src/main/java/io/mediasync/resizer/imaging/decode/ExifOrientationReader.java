package io.mediasync.resizer.imaging.decode;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.Magic;
import io.mediasync.resizer.imaging.resample.ExifOrientation;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;


/**
 * Finds the EXIF block (a little TIFF structure) and reads its orientation tag: from the JPEG APP1 "Exif" segment,
 * the PNG eXIf chunk or the WebP EXIF chunk. Metadata is advisory: anything unreadable means "as stored", never a
 * rejection.
 */
final class ExifOrientationReader {

    private ExifOrientationReader() {
    }

    static ExifOrientation read(byte[] source, ImageFormat format) {
        try {
            byte[] tiff = switch (format) {
                case JPEG -> jpegExif(source);
                case PNG -> pngExif(source);
                case WEBP -> webpExif(source);
                case GIF, BMP -> null;
            };
            return tiff == null ? ExifOrientation.TOP_LEFT : orientation(tiff);
        } catch (IOException | RuntimeException e) {
            return ExifOrientation.TOP_LEFT;
        }
    }

    private static ExifOrientation orientation(byte[] tiff) throws IOException {
        int start = tiffStart(tiff);
        if (start < 0) {
            return ExifOrientation.TOP_LEFT;
        }
        Directory ifds = new TIFFReader().read(new ByteArrayImageInputStream(tiff, start, tiff.length - start));
        Entry entry = ifds.getEntryById(TIFF.TAG_ORIENTATION);
        return entry != null && entry.getValue() instanceof Number n
                ? ExifOrientation.fromTag(n.intValue())
                : ExifOrientation.TOP_LEFT;
    }

    /** Skips an "Exif\0\0" prefix or padding, up to the "II*\0" / "MM\0*" TIFF header. */
    private static int tiffStart(byte[] b) {
        for (int i = 0; i + 4 <= b.length && i <= 8; i++) {
            if (Magic.startsWith(b, i, 'I', 'I', 0x2A, 0x00) || Magic.startsWith(b, i, 'M', 'M', 0x00, 0x2A)) {
                return i;
            }
        }
        return -1;
    }

    /** JPEGSegmentUtil stops at the first SOS, so only the header is read. */
    private static byte[] jpegExif(byte[] source) throws IOException {
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(new ByteArrayImageInputStream(source), JPEG.APP1, "Exif");
        if (segments.isEmpty()) {
            return null;
        }
        try (InputStream data = segments.get(0).data()) {
            return data.readAllBytes();
        }
    }

    /** PNG: signature, then length / type / data / crc chunks; eXIf must come before the first IDAT. */
    private static byte[] pngExif(byte[] b) {
        int p = 8;
        while (p + 8 <= b.length) {
            int length = Magic.int32BE(b, p);
            if (length < 0 || p + 12L + length > b.length) {
                return null;
            }
            if (Magic.startsWithAscii(b, p + 4, "eXIf")) {
                return Arrays.copyOfRange(b, p + 8, p + 8 + length);
            }
            if (Magic.startsWithAscii(b, p + 4, "IDAT")) {
                return null;
            }
            p += 12 + length;
        }
        return null;
    }

    /** WebP: "RIFF" size "WEBP", then fourcc / little-endian size / data chunks padded to even length. */
    private static byte[] webpExif(byte[] b) {
        int p = 12;
        while (p + 8 <= b.length) {
            int size = Magic.int32LE(b, p + 4);
            if (size < 0 || p + 8L + size > b.length) {
                return null;
            }
            if (Magic.startsWithAscii(b, p, "EXIF")) {
                return Arrays.copyOfRange(b, p + 8, p + 8 + size);
            }
            p += 8 + size + (size & 1);
        }
        return null;
    }
}
