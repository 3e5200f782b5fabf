package io.mediasync.resizer.imaging.colour;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns whatever a decoder produced into opaque sRGB {@link RgbImage} pixels: embedded ICC profiles and other colour
 * spaces are converted to sRGB, transparency is flattened onto white (JPEG has no alpha). The common layouts are
 * converted by hand without a second full-size copy; the rest go through Java2D.
 */
public final class SrgbConverter {

    private SrgbConverter() {
    }

    public static RgbImage toRgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (model instanceof ComponentColorModel && space.getType() == ColorSpace.TYPE_GRAY) {
            return fromGray(image);
        }
        if (!space.isCS_sRGB() && !(model instanceof IndexColorModel)) {
            image = toSrgb(image); // bulk ICC conversion; Java2D would convert pixel by pixel
        }
        RgbImage packed = RgbImage.wrapPacked(image);
        if (packed != null) {
            return packed;
        }
        if (image.getType() == BufferedImage.TYPE_4BYTE_ABGR && isPacked(image.getRaster(), 4)) {
            return flattenAbgrInPlace(image);
        }
        return drawOnWhite(image);
    }

    /**
     * The pixels with their opacity, premultiplied ({@link Premultiplied}), for a WebP rendition; null when the image
     * has no alpha or every pixel is opaque. Called before {@link #toRgb}, which may flatten the image in place.
     */
    public static Plane premultiplied(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (!model.hasAlpha()) {
            return null;
        }
        if (model instanceof ComponentColorModel && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return greyPremultiplied(image);
        }
        if (!model.getColorSpace().isCS_sRGB() && !(model instanceof IndexColorModel)) {
            image = toSrgb(image);
        }
        if (image.getType() != BufferedImage.TYPE_4BYTE_ABGR || !isPacked(image.getRaster(), 4)) {
            BufferedImage abgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
            Graphics2D g = abgr.createGraphics();
            try {
                g.setComposite(AlphaComposite.Src); // a copy, colour and opacity as they are: nothing under it
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            image = abgr;
        }
        return Premultiplied.fromAbgr(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), image.getWidth(),
                image.getHeight());
    }

    /** Grey with alpha, scaled to 8 bits as {@link #fromGray} scales it (not through Java2D's linear grey). */
    private static Plane greyPremultiplied(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        int alphaBits = raster.getSampleModel().getSampleSize(1);
        int max = (1 << bits) - 1;
        int alphaMax = (1 << alphaBits) - 1;
        byte[] abgr = new byte[width * height * 4];
        int[] grey = new int[width];
        int[] opacity = new int[width];
        for (int y = 0, d = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            raster.getSamples(0, y, width, 1, 1, opacity);
            for (int x = 0; x < width; x++, d += 4) {
                byte v = (byte) (bits == 8 ? grey[x] : (grey[x] * 255 + max / 2) / max);
                abgr[d] = (byte) (alphaBits == 8 ? opacity[x] : (opacity[x] * 255 + alphaMax / 2) / alphaMax);
                abgr[d + 1] = v;
                abgr[d + 2] = v;
                abgr[d + 3] = v;
            }
        }
        return Premultiplied.fromAbgr(abgr, width, height);
    }

    /** Grey samples are already gamma-encoded like sRGB; Java2D would treat them as linear and brighten them. */
    private static RgbImage fromGray(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        boolean alpha = image.getColorModel().hasAlpha() && raster.getNumBands() > 1;
        int alphaBits = alpha ? raster.getSampleModel().getSampleSize(1) : 8;
        int max = (1 << bits) - 1;
        int alphaMax = (1 << alphaBits) - 1;
        RgbImage out = RgbImage.allocate(width, height);
        byte[] dst = out.bgr();
        int[] grey = new int[width];
        int[] opacity = new int[width];
        int d = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, opacity);
            }
            for (int x = 0; x < width; x++) {
                int v = bits == 8 ? grey[x] : (grey[x] * 255 + max / 2) / max;
                if (alpha) {
                    int a = alphaBits == 8 ? opacity[x] : (opacity[x] * 255 + alphaMax / 2) / alphaMax;
                    v = onWhite(v, a);
                }
                byte b = (byte) v;
                dst[d++] = b;
                dst[d++] = b;
                dst[d++] = b;
            }
        }
        return out;
    }

    private static BufferedImage toSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    /** A, B, G, R bytes become B, G, R bytes in the same array: writes (3 per pixel) never overtake reads (4). */
    private static RgbImage flattenAbgrInPlace(BufferedImage image) {
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int pixels = image.getWidth() * image.getHeight();
        for (int i = 0, s = 0, d = 0; i < pixels; i++, s += 4) {
            int a = data[s] & 0xFF;
            int b = data[s + 1] & 0xFF;
            int g = data[s + 2] & 0xFF;
            int r = data[s + 3] & 0xFF;
            if (a != 255) {
                b = onWhite(b, a);
                g = onWhite(g, a);
                r = onWhite(r, a);
            }
            data[d++] = (byte) b;
            data[d++] = (byte) g;
            data[d++] = (byte) r;
        }
        return new RgbImage(image.getWidth(), image.getHeight(), data);
    }

    private static int onWhite(int value, int alpha) {
        return (value * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    private static boolean isPacked(WritableRaster raster, int pixelStride) {
        return raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == pixelStride && model.getScanlineStride() == raster.getWidth() * pixelStride;
    }

    /** Palettes, 16-bit samples, packed ints...: Java2D's blit loops handle every layout and composite onto white. */
    private static RgbImage drawOnWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            if (image.getColorModel().hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return RgbImage.wrapPacked(rgb);
    }
}
