package io.mediasync.resizer.imaging.pixels;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Objects;

/**
 * Opaque sRGB pixels, 3 bytes per pixel in B, G, R order, rows packed without padding.
 * BGR because it is the layout both the JDK JPEG decoder produces and its encoder consumes (TYPE_3BYTE_BGR), so
 * neither side needs a copy; the resampler treats the three channels alike and does not care about the order.
 */
public final class RgbImage {
    public static final int CHANNELS = 3;

    private final int width;
    private final int height;
    private final byte[] bgr;

    public RgbImage(int width, int height, byte[] bgr) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        if (bgr.length < (long) width * height * CHANNELS) {
            throw new IllegalArgumentException("pixel array too short for " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bgr = Objects.requireNonNull(bgr);
    }

    public static RgbImage allocate(int width, int height) {
        return new RgbImage(width, height, new byte[Math.multiplyExact(Math.multiplyExact(width, height), CHANNELS)]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array (may be longer than width*height*3 when it was reused in place); shared, not copied. */
    public byte[] bgr() {
        return bgr;
    }

    /** The same pixels as a 3-channel plane, sharing the array. */
    public Plane plane() {
        return new Plane(width, height, CHANNELS, width * CHANNELS, bgr);
    }

    /** A packed 3-channel plane as an image, sharing the array. */
    public static RgbImage of(Plane plane) {
        if (plane.channels() != CHANNELS || plane.stride() != plane.rowBytes() || plane.offset() != 0) {
            throw new IllegalArgumentException("not packed B, G, R pixels: " + plane.channels() + " channels, stride "
                    + plane.stride());
        }
        return new RgbImage(plane.width(), plane.height(), plane.samples());
    }

    /** Packed 0xRRGGBB at (x, y): for tests and checks, not for loops. */
    public int rgb(int x, int y) {
        int i = (y * width + x) * CHANNELS;
        return (bgr[i + 2] & 0xFF) << 16 | (bgr[i + 1] & 0xFF) << 8 | (bgr[i] & 0xFF);
    }

    /** A TYPE_3BYTE_BGR view sharing this array, as the JPEG writer wants it. */
    public BufferedImage asBufferedImage() {
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(bgr, width * height * CHANNELS),
                width, height, width * CHANNELS, CHANNELS, new int[] {2, 1, 0}, null);
        ColorModel srgb = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(srgb, raster, false, null);
    }

    /**
     * The pixels of a TYPE_3BYTE_BGR image, without a copy when its raster is the plain packed layout the decoder
     * produces; null if it is not.
     */
    public static RgbImage wrapPacked(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return null;
        }
        WritableRaster raster = image.getRaster();
        DataBuffer buffer = raster.getDataBuffer();
        if (!(buffer instanceof DataBufferByte bytes) || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                || model.getPixelStride() != CHANNELS || model.getScanlineStride() != image.getWidth() * CHANNELS) {
            return null;
        }
        int[] offsets = model.getBandOffsets();
        if (offsets.length != 3 || offsets[0] != 2 || offsets[1] != 1 || offsets[2] != 0) {
            return null;
        }
        return new RgbImage(image.getWidth(), image.getHeight(), bytes.getData());
    }
}
