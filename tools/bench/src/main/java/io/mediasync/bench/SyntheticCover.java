package io.mediasync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * Podcast-cover-like artwork of any size, the same for a given size and seed: a diagonal gradient, large flat
 * shapes with anti-aliased edges, an inset "photo" (waves and grain), and a title made of thick strokes (shapes,
 * not a font, so nothing depends on the fonts installed). Flat areas compress well, the photo and the edges do not:
 * between a logo and a photo, like most real covers.
 */
final class SyntheticCover {

    private SyntheticCover() {
    }

    static BufferedImage draw(int size, long seed) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1B2A6B), size, size, new Color(0xE0533D)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            double r = size * (0.08 + 0.2 * random.nextDouble());
            g.fill(new Ellipse2D.Double(random.nextDouble() * size - r, random.nextDouble() * size - r, 2 * r, 2 * r));
        }
        int inset = size * 9 / 20;
        photo(image, size / 10, size * 3 / 10, inset, inset, random.nextLong());
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(size / 60f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int letter = size / 12;
        for (int i = 0; i < 7; i++) { // a row of block "letters": strokes at random angles inside each cell
            int x = size / 10 + i * letter * 6 / 5;
            int y = size / 12;
            for (int s = 0; s < 3; s++) {
                g.drawLine(x + random.nextInt(letter), y + random.nextInt(letter), x + random.nextInt(letter), y + random.nextInt(letter));
            }
        }
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new RoundRectangle2D.Double(size * 0.6, size * 0.82, size * 0.3, size * 0.08, size / 40.0, size / 40.0));
        g.dispose();
        return image;
    }

    /** Smooth waves with per-pixel grain, like a photograph, in the rectangle (x, y, w, h). */
    private static void photo(BufferedImage image, int x0, int y0, int w, int h, long seed) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = image.getWidth() * 3;
        long state = seed | 1;
        for (int y = 0; y < h; y++) {
            double wy = Math.sin(y * 7.0 / h);
            for (int x = 0; x < w; x++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int grain = (int) (state & 31) - 16;
                int p = (y0 + y) * stride + (x0 + x) * 3;
                double wx = Math.cos(x * 5.0 / w + wy);
                bgr[p] = clamp(110 + (int) (60 * wx) + grain);
                bgr[p + 1] = clamp(140 + (int) (70 * wy * wx) + grain);
                bgr[p + 2] = clamp(170 + (int) (50 * wy) + grain);
            }
        }
    }

    private static byte clamp(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
