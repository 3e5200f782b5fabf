package io.mediasync.sourcesync;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small images made at test time; the colour makes each one's bytes (and sha256) different. */
final class TestImages {

    private TestImages() {
    }

    static byte[] jpeg(int rgb) {
        return encode(image(rgb), "jpeg");
    }

    static byte[] png(int rgb) {
        return encode(image(rgb), "png");
    }

    private static BufferedImage image(int rgb) {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 16, 12);
        g.setColor(Color.WHITE);
        g.fillRect(4, 4, 4, 4);
        g.dispose();
        return image;
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
