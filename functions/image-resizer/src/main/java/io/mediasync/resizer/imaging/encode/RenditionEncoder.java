package io.mediasync.resizer.imaging.encode;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.colour.Premultiplied;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.webp.WebpEncoder;
import java.util.Set;

/**
 * Writes one rendered size as the files asked for: the JPEG from the pixels flattened onto white, as ever; the WebP
 * from the same pixels when the source is opaque, else from the premultiplied pixels brought back to straight colour
 * with their opacity (an ALPH chunk), so a logo keeps its transparency. Immutable and thread-safe.
 * <p>
 * VP8+ALPH, not VP8L, for every size: the opacity is exact either way (ALPH is lossless), the colour follows the
 * quality setting as an opaque rendition's does rather than costing lossless bytes on gradients and shadows, and one
 * tested encoder serves every rendition (a flat logo could be smaller as VP8L; not worth a second encoder).
 */
public final class RenditionEncoder {

    /** VP8's largest frame: a WebP of a bigger size cannot be written. */
    static final int MAX_WEBP_SIDE = 16383;

    private final JpegEncoder jpeg;
    private final WebpEncoder webp;

    public RenditionEncoder(float jpegQuality, int webpQuality) {
        this.jpeg = new JpegEncoder(jpegQuality);
        this.webp = new WebpEncoder(webpQuality);
    }

    /** @param premultiplied the rendition's premultiplied B, G, R, A pixels, or null when the source is opaque */
    public Rendition encode(SizeSpec size, RgbImage pixels, Plane premultiplied, Set<OutputFormat> formats)
            throws ImageRejectedException {
        byte[] jpegFile = formats.contains(OutputFormat.JPEG) ? jpeg.encode(pixels) : null;
        byte[] webpFile = null;
        if (formats.contains(OutputFormat.WEBP)) {
            int width = pixels.width();
            int height = pixels.height();
            if (width > MAX_WEBP_SIDE || height > MAX_WEBP_SIDE) {
                throw new ImageRejectedException(ImageRejectedException.TOO_LARGE_FOR_WEBP, "size " + size.label()
                        + " comes out " + width + "x" + height + ", over WebP's " + MAX_WEBP_SIDE + " px a side");
            }
            if (premultiplied == null) {
                webpFile = webp.encode(width, height, pixels.bgr(), width * RgbImage.CHANNELS, null);
            } else {
                Premultiplied.Straight straight = Premultiplied.unpremultiply(premultiplied);
                webpFile = webp.encode(width, height, straight.bgr(), width * RgbImage.CHANNELS, straight.alpha());
            }
        }
        return new Rendition(size, pixels.width(), pixels.height(), jpegFile, webpFile);
    }
}
