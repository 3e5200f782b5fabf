package io.mediasync.resizer.imaging.decode;

import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.colour.JpegColours;
import io.mediasync.resizer.imaging.colour.Premultiplied;
import io.mediasync.resizer.imaging.jpeg.JpegDecoder;
import io.mediasync.resizer.imaging.jpeg.JpegException;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.png.PngDecoder;
import io.mediasync.resizer.imaging.png.PngException;
import io.mediasync.resizer.imaging.resample.BoxReducer;
import io.mediasync.resizer.imaging.resample.ExifOrientation;
import io.mediasync.resizer.imaging.resample.ResizeGeometry;
import io.mediasync.resizer.imaging.resample.ShrinkOnLoad;
import java.util.List;
import java.util.function.IntSupplier;


/**
 * Decodes one source: recognises the format from its bytes, reads the header (dimensions, EXIF orientation) without
 * touching pixel data, then decodes it to sRGB pixels. JPEGs that may be reduced (by 2 or more) and PNGs go to the
 * built-in decoders, which reduce the image exactly while decoding (DCT scaling, box averaging); JPEGs needed at
 * full size, what the built-in decoders do not handle (other JPEG processes, interlaced or 16-bit PNGs, damaged
 * data they cannot be sure of) and every other format go to ImageIO, as they always have. Not thread-safe: one instance per source, closed after use.
 */
public final class ImageDecoder implements AutoCloseable {

    /**
     * The decoded image, by how much it was reduced (a DCT scale denominator, box factor or subsampling), and
     * whether a built-in decoder made it (else ImageIO).
     */
    public record Decoded(DecodedImage image, int factor, boolean builtIn) {

        /** The pixels, when decoded as pixels (not planes). */
        public RgbImage rgb() {
            return image.rgb();
        }
    }

    private final byte[] source;
    private final ImageFormat format;
    private final int width;
    private final int height;
    private final ExifOrientation orientation;
    private JpegDecoder jpeg;
    private PngDecoder png;
    private ImageIoDecoder imageIo;

    private ImageDecoder(byte[] source, ImageFormat format, int width, int height) {
        this.source = source;
        this.format = format;
        this.width = width;
        this.height = height;
        this.orientation = ExifOrientationReader.read(source, format);
    }

    /**
     * Opens {@code source}, reading only its header.
     *
     * @param builtIn        use the built-in decoders where they apply (false: ImageIO for everything)
     * @param maxBufferBytes most heap the built-in JPEG decoder may hold besides its output (a progressive JPEG
     *                       keeps every coefficient); bigger ones go to ImageIO, which holds them natively
     */
    public static ImageDecoder open(byte[] source, boolean builtIn, long maxBufferBytes) throws ImageRejectedException {
        ImageFormat format = ImageFormat.detect(source).orElseThrow(() -> ImageIoDecoder.unrecognised(source));
        try {
            if (builtIn && format == ImageFormat.JPEG) {
                JpegDecoder decoder = JpegDecoder.open(source);
                if (decoder.bufferBytes() <= maxBufferBytes) {
                    ImageDecoder opened = new ImageDecoder(source, format, decoder.width(), decoder.height());
                    opened.jpeg = decoder;
                    return opened;
                }
            } else if (builtIn && format == ImageFormat.PNG) {
                PngDecoder decoder = PngDecoder.open(source);
                ImageDecoder opened = new ImageDecoder(source, format, decoder.width(), decoder.height());
                opened.png = decoder;
                return opened;
            }
        } catch (JpegException | PngException | RuntimeException e) {
            // not one for the built-in decoders (or a damaged header): ImageIO reads it or says why not
        }
        ImageIoDecoder decoder = ImageIoDecoder.open(source, format);
        try {
            ImageDecoder opened = new ImageDecoder(source, format, decoder.width(), decoder.height());
            opened.imageIo = decoder;
            return opened;
        } catch (RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    /** Stored (pre-orientation) width, from the header. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public ExifOrientation orientation() {
        return orientation;
    }

    /** Header facts after orientation. */
    public ImageInfo info() {
        return new ImageInfo(format, orientation.uprightWidth(width, height), orientation.uprightHeight(width, height));
    }

    /** Whether {@link #decode} can reduce exactly (averaging) rather than by ImageIO's subsampling. */
    public boolean reducesExactly() {
        return jpeg != null || png != null;
    }

    /**
     * Decodes the image, reduced as far as the renditions (in stored orientation) allow: exactly by the built-in
     * decoders (see {@link ShrinkOnLoad#exactReduction}), else by ImageIO's subsampling when over
     * {@code maxDecodedPixels} (see {@link ShrinkOnLoad#decoderSubsampling}), including when a built-in decoder
     * hands the image over.
     */
    public Decoded decode(List<ResizeGeometry> renditions, long maxDecodedPixels) throws ImageRejectedException {
        return decode(renditions, maxDecodedPixels, false);
    }

    /**
     * @param keepAlpha also the pixels' opacity, when the source has transparency (for WebP renditions; see
     *                  {@link DecodedImage#of(RgbImage, Plane)}); the flattened pixels are the same either way
     */
    public Decoded decode(List<ResizeGeometry> renditions, long maxDecodedPixels, boolean keepAlpha) throws ImageRejectedException {
        int factor = ShrinkOnLoad.exactReduction(renditions, jpeg != null);
        if (jpeg != null && factor == 1) {
            // At full size the built-in JPEG decoder has nothing to save, and ImageIO's native libjpeg is faster
            // (measured: 1.2x on a 12 MP photo, 3x on a 2 MP cover): such JPEGs are decoded as they always were.
            handOver();
        }
        return decode(factor, () -> ShrinkOnLoad.decoderSubsampling(width, height, renditions, maxDecodedPixels),
                ShrinkOnLoad.chromaSpan(renditions), keepAlpha);
    }

    /** {@link #decode(int, IntSupplier, double)} to pixels. */
    public Decoded decode(int exactFactor, IntSupplier subsampling) throws ImageRejectedException {
        return decode(exactFactor, subsampling, 0, false);
    }

    /**
     * Decodes the image reduced by {@code exactFactor} (a built-in decoder: 1, 2, 4 or 8 for JPEG), else (ImageIO)
     * subsampled by what {@code subsampling} says. With a {@code chromaSpan}, a JPEG in YCbCr or grey that needs no
     * colour management is decoded to its component planes (see {@link DecodedImage}), a chroma sample spanning at
     * most that many source pixels ({@link ShrinkOnLoad#chromaSpan}), where they are smaller than pixels would be
     * (grey, or chroma at less than full resolution); with 0, to pixels.
     */
    public Decoded decode(int exactFactor, IntSupplier subsampling, double chromaSpan, boolean keepAlpha)
            throws ImageRejectedException {
        if (jpeg != null) {
            int denominator = exactFactor;
            try {
                if (chromaSpan > 0 && jpeg.decodesToPlanes(denominator, chromaSpan)
                        && jpeg.planesAreSmaller(denominator, chromaSpan)
                        && !JpegColours.managed(jpeg.colour(), jpeg.iccProfile())) {
                    return new Decoded(DecodedImage.of(jpeg.decodePlanes(denominator, chromaSpan)), denominator, true);
                }
                return new Decoded(DecodedImage.of(JpegColours.toRgb(jpeg.decode(denominator))), denominator, true);
            } catch (JpegException e) {
                switch (e.kind()) {
                    case TRUNCATED -> throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                            "JPEG data is truncated (" + e.getMessage() + ")");
                    case LIMIT -> throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                            "JPEG is malformed (" + e.getMessage() + ")");
                    default -> handOver();
                }
            } catch (RuntimeException e) {
                handOver(); // a defect of ours on some odd input must not cost the image (the fuzz tests hunt these)
            }
        } else if (png != null) {
            int factor = Math.min(exactFactor, PngDecoder.MAX_FACTOR);
            try {
                int w = BoxReducer.ceilDiv(width, factor);
                int h = BoxReducer.ceilDiv(height, factor);
                if (!keepAlpha) {
                    return new Decoded(DecodedImage.of(new RgbImage(w, h, png.decode(factor))), factor, true);
                }
                PngDecoder.Pixels pixels = png.decodeWithAlpha(factor);
                return new Decoded(DecodedImage.of(new RgbImage(w, h, pixels.bgr()), pixels.premultiplied() == null ? null
                        : new Plane(w, h, Premultiplied.CHANNELS, w * Premultiplied.CHANNELS, pixels.premultiplied())),
                        factor, true);
            } catch (PngException e) {
                if (e.truncated()) {
                    throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                            "PNG data is truncated (" + e.getMessage() + ")");
                }
                handOver();
            } catch (RuntimeException e) {
                handOver();
            }
        }
        int n = subsampling.getAsInt();
        return new Decoded(keepAlpha ? imageIo.decodeWithAlpha(n) : DecodedImage.of(imageIo.decode(n)), n, false);
    }

    /**
     * ImageIO decodes it as it always did (it tolerates some damage, and is faster at full size). Not a JPEG
     * crafted to make it work forever, though: libjpeg has no bound on the number of scans.
     */
    private void handOver() throws ImageRejectedException {
        jpeg = null;
        png = null;
        if (format == ImageFormat.JPEG && JpegDecoder.countScanMarkers(source) > JpegDecoder.MAX_SCANS) {
            throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                    "JPEG is malformed (more than " + JpegDecoder.MAX_SCANS + " scans)");
        }
        imageIo = ImageIoDecoder.open(source, format);
    }

    @Override
    public void close() {
        if (imageIo != null) {
            imageIo.close();
        }
    }
}
