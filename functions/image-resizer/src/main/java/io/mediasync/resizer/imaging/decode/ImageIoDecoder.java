package io.mediasync.resizer.imaging.decode;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.colour.SrgbConverter;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;


/**
 * Decodes one source with ImageIO: reads the header (dimensions) without touching pixel data, then decodes the first
 * frame, optionally subsampled, to sRGB pixels. Classifies every failure as an {@link ImageRejectedException}. Not
 * thread-safe: one instance per source, closed after use.
 */
final class ImageIoDecoder implements AutoCloseable {

    /** Decoder messages are quoted in the reason, which is meant to be short. */
    private static final int MAX_DETAIL = 160;

    private final ImageFormat format;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();
    private final int width;
    private final int height;

    private ImageIoDecoder(byte[] source, ImageFormat format, ImageReader reader) throws ImageRejectedException {
        this.format = format;
        this.reader = reader;
        reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
        // PNG: no metadata is parsed (the JDK reader would inflate zTXt/iTXt text, which can inflate to gigabytes;
        // none of it changes the pixels). Other readers take colour profiles from their metadata: left as they are.
        reader.setInput(new ByteArrayImageInputStream(source), false, format == ImageFormat.PNG);
        try {
            this.width = reader.getWidth(0);
            this.height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw rejectionFor(e, "header");
        }
        if (width < 1 || height < 1) {
            throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                    format + " header says the image is " + width + "x" + height);
        }
    }

    /** Opens {@code source}, of a format recognised from its bytes, reading only its header. */
    static ImageIoDecoder open(byte[] source, ImageFormat format) throws ImageRejectedException {
        ImageReader reader;
        try {
            reader = ImageCodecs.reader(format);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(ImageRejectedException.UNSUPPORTED_FORMAT,
                    "no " + format + " decoder is available", e);
        }
        try {
            return new ImageIoDecoder(source, format, reader);
        } catch (ImageRejectedException | RuntimeException e) {
            reader.dispose();
            throw e;
        }
    }

    /** Stored (pre-orientation) width, from the header. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Decodes the first frame, keeping every {@code subsampling}-th pixel of every {@code subsampling}-th row
     * (1 = full size): memory is then bounded by the subsampled size, not the source's.
     */
    RgbImage decode(int subsampling) throws ImageRejectedException {
        return toRgb(read(subsampling));
    }

    /** As {@link #decode}, with the pixels' opacity for a WebP rendition (see {@link DecodedImage#of(RgbImage, Plane)}). */
    DecodedImage decodeWithAlpha(int subsampling) throws ImageRejectedException {
        BufferedImage image = read(subsampling);
        Plane premultiplied;
        try {
            premultiplied = SrgbConverter.premultiplied(image); // first: toRgb may flatten the image in place
        } catch (RuntimeException e) {
            throw new ImageRejectedException(ImageRejectedException.UNSUPPORTED_FORMAT,
                    "cannot convert this " + format + " image's colours to sRGB (" + e.getMessage() + ")", e);
        }
        return DecodedImage.of(toRgb(image), premultiplied);
    }

    private BufferedImage read(int subsampling) throws ImageRejectedException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw rejectionFor(e, "data");
        }
        // libjpeg pads a truncated JPEG with grey and only warns; a grey half-image must not be published.
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("missing eoi")) {
                throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                        format + " data is truncated (" + warning + ")");
            }
        }
        return image;
    }

    private RgbImage toRgb(BufferedImage image) throws ImageRejectedException {
        try {
            return SrgbConverter.toRgb(image);
        } catch (RuntimeException e) {
            throw new ImageRejectedException(ImageRejectedException.UNSUPPORTED_FORMAT,
                    "cannot convert this " + format + " image's colours to sRGB (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
    }

    private ImageRejectedException rejectionFor(Exception e, String part) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL) + "...";
        }
        if (e instanceof IIOException && message.startsWith("Unsupported JPEG process")
                || e instanceof UnsupportedOperationException) {
            return new ImageRejectedException(ImageRejectedException.UNSUPPORTED_FORMAT,
                    "this kind of " + format + " is not supported (" + message + ")", e);
        }
        return new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                format + " " + part + " is corrupt or truncated (" + message + ")", e);
    }

    static ImageRejectedException unrecognised(byte[] source) {
        if (source == null || source.length == 0) {
            return new ImageRejectedException(ImageRejectedException.NOT_AN_IMAGE, "the data is empty");
        }
        return UnsupportedFormats.recognise(source)
                .map(name -> new ImageRejectedException(ImageRejectedException.UNSUPPORTED_FORMAT,
                        name + " images are not supported (only JPEG, PNG, GIF, BMP and WebP)"))
                .orElseGet(() -> new ImageRejectedException(ImageRejectedException.NOT_AN_IMAGE,
                        "the data is not a JPEG, PNG, GIF, BMP or WebP image" + describe(source)));
    }

    /** A hint for the common mistakes: an HTML error page or some other text instead of the image. */
    private static String describe(byte[] source) {
        String head = new String(source, 0, Math.min(source.length, 512), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<head") || head.contains("<body")) {
            return " (it looks like an HTML page)";
        }
        int printable = 0;
        int sample = Math.min(source.length, 512);
        for (int i = 0; i < sample; i++) {
            int b = source[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        return printable == sample ? " (it looks like text)" : "";
    }
}
