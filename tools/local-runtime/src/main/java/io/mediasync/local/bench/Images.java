package io.mediasync.local.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Distinct generated JPEGs for the benchmarks and tests, so no two orders share bytes (nothing is reused). */
public final class Images {

    private Images() {
    }

    public static byte[] jpeg(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor((seed % 97) / 97f, 0.7f, 0.9f), width, height,
                Color.getHSBColor((seed % 89) / 89f, 0.5f, 0.3f)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(seed % (width / 2), seed % (height / 2), width / 3, height / 3);
        g.drawString(Integer.toString(seed), 5, height - 5);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
