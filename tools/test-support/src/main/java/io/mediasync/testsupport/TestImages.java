package io.mediasync.testsupport;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images made at test time, so the suites ship no large binaries (tests may use ImageIO's plugin lookup freely;
 * production code may not). One place for every module's test images.
 */
public final class TestImages {

    public static final int RED = 0xFF0000;
    public static final int GREY = 0x808080;

    private TestImages() {
    }

    /** A file under {@code images/} on the test classpath. */
    public static byte[] fixture(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture images/" + name + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage solid(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Grey, with a red block in the top-left corner. */
    public static BufferedImage redCorner(int width, int height) {
        BufferedImage image = solid(width, height, GREY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(RED));
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        return image;
    }

    /** Smooth colours plus noise, like a photo: compresses like one. */
    public static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(128 + (int) (100 * Math.sin(x / 40.0)) + random.nextInt(25) - 12);
                int g = clamp(128 + (int) (100 * Math.cos(y / 30.0)) + random.nextInt(25) - 12);
                int b = clamp((x + y) * 255 / (width + height) + random.nextInt(25) - 12);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    public static BufferedImage checkerboard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x + y) & 1) == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    public static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** An orange-to-blue gradient with a white oval, as a JPEG at ImageIO's default quality. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(image, "jpeg");
    }

    /** A small (16x12) JPEG of one colour with a white square: the colour makes each one's bytes (and sha256) differ. */
    public static byte[] swatchJpeg(int rgb) {
        return encode(swatch(rgb), "jpeg");
    }

    /** {@link #swatchJpeg} as a PNG. */
    public static byte[] swatchPng(int rgb) {
        return encode(swatch(rgb), "png");
    }

    private static BufferedImage swatch(int rgb) {
        BufferedImage image = solid(16, 12, rgb);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(4, 4, 4, 4);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            rgb.createGraphics().drawImage(image, 0, 0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, new IIOImage(rgb, null, null), param);
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** The first half of {@code jpeg}: a file cut off in transfer. */
    public static byte[] truncated(byte[] jpeg) {
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** Writes with {@code writer} (disposed after) to bytes. */
    public static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A valid greyscale PNG of any size whose pixels are all zero, written by hand: the IDAT of all-zero scanlines
     * deflates ~1000:1, so a 60 MP image is a few tens of KB. Only a decoder that decodes pixels would notice.
     */
    public static byte[] blackPng(int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
            ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit grey, no interlace
            chunk(png, "IHDR", ihdr.array());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                byte[] scanline = new byte[width + 1]; // filter byte 0 + samples
                for (int y = 0; y < height; y++) {
                    z.write(scanline);
                }
            }
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** Decodes with the JDK's own reader, as an independent check of the output; fails on undecodable bytes. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] rgbAt(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
