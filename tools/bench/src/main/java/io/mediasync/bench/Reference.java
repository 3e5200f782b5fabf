package io.mediasync.bench;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The quality yardstick: an exact Lanczos-3 of the full image (ImageIO's full decode, filtered in double precision
 * in one pass per axis, no box step, no shrink-on-load), and the PSNR of an engine's output against it.
 */
final class Reference {

    private final BufferedImage source;
    private final Map<String, byte[]> cache = new HashMap<>();

    private Reference(BufferedImage source) {
        this.source = source;
    }

    /** Null when ImageIO cannot read the input as plain 8-bit RGB. */
    static Reference of(Path input) throws IOException {
        BufferedImage image = ImageIO.read(input.toFile());
        if (image == null) {
            return null;
        }
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.createGraphics().drawImage(image, 0, 0, null);
            image = bgr;
        }
        return new Reference(image);
    }

    /** The exact Lanczos of the whole source to {@code width x height}, B, G, R bytes (computed once per size). */
    byte[] exact(int width, int height) {
        return cache.computeIfAbsent(width + "x" + height, k -> lanczos(width, height));
    }

    int width() {
        return source.getWidth();
    }

    int height() {
        return source.getHeight();
    }

    /** PSNR in dB of a JPEG output against the exact Lanczos of the same size; NaN if it cannot be compared. */
    double psnr(byte[] jpeg) throws IOException {
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(jpeg));
        if (out == null) {
            return Double.NaN;
        }
        byte[] expected = exact(out.getWidth(), out.getHeight());
        double squared = 0;
        int n = 0;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++, n += 3) {
                int rgb = out.getRGB(x, y);
                int db = (rgb & 0xFF) - (expected[n] & 0xFF);
                int dg = (rgb >> 8 & 0xFF) - (expected[n + 1] & 0xFF);
                int dr = (rgb >> 16 & 0xFF) - (expected[n + 2] & 0xFF);
                squared += db * db + dg * dg + dr * dr;
            }
        }
        return squared == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 * n / squared);
    }

    /** The whole source to width x height, B, G, R bytes. Row by row: memory stays a few rows. */
    private byte[] lanczos(int width, int height) {
        byte[] src = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        int inWidth = source.getWidth();
        Weights rows = new Weights(source.getHeight(), height);
        Weights columns = new Weights(inWidth, width);
        byte[] out = new byte[width * height * 3];
        double[] line = new double[inWidth * 3];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(line, 0);
            for (int t = 0; t < rows.count[y]; t++) {
                double w = rows.weight[y][t];
                int p = (rows.start[y] + t) * inWidth * 3;
                for (int i = 0; i < line.length; i++) {
                    line[i] += w * (src[p + i] & 0xFF);
                }
            }
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int t = 0; t < columns.count[x]; t++) {
                        sum += columns.weight[x][t] * line[(columns.start[x] + t) * 3 + c];
                    }
                    out[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }

    /** Normalised Lanczos-3 weights, the kernel stretched by the scale when shrinking (as Pillow and ours). */
    private static final class Weights {
        final int[] start;
        final int[] count;
        final double[][] weight;

        Weights(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1);
            double support = 3 * filterScale;
            start = new int[outSize];
            count = new int[outSize];
            weight = new double[outSize][];
            for (int i = 0; i < outSize; i++) {
                double center = (i + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize);
                double[] w = new double[max - min];
                double total = 0;
                for (int j = 0; j < w.length; j++) {
                    w[j] = lanczos3((j + min - center + 0.5) / filterScale);
                    total += w[j];
                }
                for (int j = 0; j < w.length; j++) {
                    w[j] /= total;
                }
                start[i] = min;
                count[i] = w.length;
                weight[i] = w;
            }
        }

        private static double lanczos3(double x) {
            if (x <= -3 || x >= 3) {
                return 0;
            }
            return sinc(x) * sinc(x / 3);
        }

        private static double sinc(double x) {
            return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        }
    }
}
