package io.mediasync.resizer.imaging;

import io.mediasync.resizer.imaging.jpeg.JpegDecoder;
import io.mediasync.resizer.imaging.jpeg.JpegException;

/**
 * Decodes one source: recognises the format from its bytes, reads the header (dimensions, EXIF orientation) without
 * touching pixel data, then decodes it to sRGB pixels. JPEGs go to the built-in decoder, which scales in the DCT;
 * what it does not handle (other JPEG processes, damaged data it cannot be sure of) and every other format go to
 * ImageIO, as they always have. Not thread-safe: one instance per source, closed after use.
 */
final class ImageDecoder implements AutoCloseable {

    /** The decoded pixels, and by how much they were reduced (a DCT scale denominator, or an ImageIO subsampling). */
    record Decoded(RgbImage image, int factor) {
    }

    private final byte[] source;
    private final ImageFormat format;
    private final int width;
    private final int height;
    private final ExifOrientation orientation;
    private JpegDecoder jpeg;
    private ImageIoDecoder imageIo;

    private ImageDecoder(byte[] source, ImageFormat format, int width, int height, JpegDecoder jpeg, ImageIoDecoder imageIo) {
        this.source = source;
        this.format = format;
        this.width = width;
        this.height = height;
        this.jpeg = jpeg;
        this.imageIo = imageIo;
        this.orientation = ExifOrientationReader.read(source, format);
    }

    /**
     * Opens {@code source}, reading only its header.
     *
     * @param builtIn        use the built-in decoders where they apply (false: ImageIO for everything)
     * @param maxBufferBytes most heap the built-in JPEG decoder may hold besides its output (a progressive JPEG
     *                       keeps every coefficient); bigger ones go to ImageIO, which holds them natively
     */
    static ImageDecoder open(byte[] source, boolean builtIn, long maxBufferBytes) throws ImageRejectedException {
        ImageFormat format = ImageFormat.detect(source).orElseThrow(() -> ImageIoDecoder.unrecognised(source));
        if (builtIn && format == ImageFormat.JPEG) {
            try {
                JpegDecoder decoder = JpegDecoder.open(source);
                if (decoder.bufferBytes() <= maxBufferBytes) {
                    return new ImageDecoder(source, format, decoder.width(), decoder.height(), decoder, null);
                }
            } catch (JpegException | RuntimeException e) {
                // not one for the built-in decoder (or a damaged header): ImageIO reads it or says why not
            }
        }
        ImageIoDecoder decoder = ImageIoDecoder.open(source, format);
        try {
            return new ImageDecoder(source, format, decoder.width(), decoder.height(), null, decoder);
        } catch (RuntimeException e) {
            decoder.close();
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

    ExifOrientation orientation() {
        return orientation;
    }

    /** Header facts after orientation. */
    ImageInfo info() {
        return new ImageInfo(format, orientation.uprightWidth(width, height), orientation.uprightHeight(width, height));
    }

    /** Whether {@link #decode} will scale in the DCT (an exact box reduction) rather than subsample. */
    boolean scalesInDct() {
        return jpeg != null;
    }

    /**
     * Decodes the image: at 1/{@code dctDenominator} scale when {@link #scalesInDct()}, else keeping every
     * {@code subsampling}-th pixel (ImageIO), including when the built-in decoder hands the image over.
     */
    Decoded decode(int dctDenominator, int subsampling) throws ImageRejectedException {
        if (jpeg != null) {
            try {
                return new Decoded(JpegColours.toRgb(jpeg.decode(dctDenominator)), dctDenominator);
            } catch (JpegException e) {
                switch (e.kind()) {
                    case TRUNCATED -> throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                            "JPEG data is truncated (" + e.getMessage() + ")");
                    case LIMIT -> throw new ImageRejectedException(ImageRejectedException.CORRUPT_IMAGE,
                            "JPEG is malformed (" + e.getMessage() + ")");
                    default -> handOver();
                }
            } catch (RuntimeException e) {
                handOver(); // a defect of ours on some odd input must not cost the image (the fuzz test hunts these)
            }
        }
        return new Decoded(imageIo.decode(subsampling), subsampling);
    }

    /**
     * Damaged data or an unsupported detail found mid-way: ImageIO decodes it as it always did (it tolerates some
     * damage). Not a file crafted to make it work forever, though: libjpeg has no bound on the number of scans.
     */
    private void handOver() throws ImageRejectedException {
        jpeg = null;
        if (JpegDecoder.countScanMarkers(source) > JpegDecoder.MAX_SCANS) {
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
