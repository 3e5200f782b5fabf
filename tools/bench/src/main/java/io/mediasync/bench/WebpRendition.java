package io.mediasync.bench;

import io.mediasync.resizer.imaging.webp.WebpEncoder;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One rendition's pictures, the exact resize every encoder is given, and what is measured on it: our WebP
 * encoder and libwebp timed warm and in turns (CPU time of the encoding thread and the wall clock, best and
 * median of the timed runs), and the pipeline's JPEG (the JDK writer, 4:2:0, optimised Huffman tables, as
 * JpegEncoder) decoded back by ImageIO.
 */
final class WebpRendition {

    record Timed(int quality, byte[] file, double cpuMs, double medianCpuMs, double wallMs, double medianWallMs) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final int width;
    final int height;
    final byte[] bgr;

    WebpRendition(int width, int height, byte[] bgr) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    /**
     * Both encoders at each quality, timed in turns: first ours is warmed up, cycling through the qualities until
     * {@code warmupMacroblocks} macroblocks are encoded (the JIT compiles per macroblock, so a small picture needs
     * many more encodes), and libwebp encodes each quality 3 times; then {@code runs} rounds, each encoding every
     * quality with ours, then every quality with libwebp, so a busy machine weighs on both alike (in rounds, not
     * encode by encode: each switch of process costs the next encode its warm caches).
     *
     * @return ours, then libwebp's, per quality: the last file and the best and median times
     */
    Timed[][] race(int[] qualities, long warmupMacroblocks, int runs, WebpPeer.Server peer)
            throws IOException, InterruptedException {
        long perEncode = (long) ((width + 15) / 16) * ((height + 15) / 16) * qualities.length;
        for (long round = 0; round < 3 || round * perEncode < warmupMacroblocks; round++) {
            for (int q : qualities) {
                new WebpEncoder(q).encode(width, height, bgr, width * 3, null);
                if (round < 3) {
                    peer.encode(q);
                }
            }
        }
        int n = qualities.length;
        double[][][] times = new double[4][n][runs]; // our cpu, our wall, their cpu, their wall
        byte[][] ours = new byte[n][];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < n; k++) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                ours[k] = new WebpEncoder(qualities[k]).encode(width, height, bgr, width * 3, null);
                times[1][k][i] = (System.nanoTime() - wall0) / 1e6;
                times[0][k][i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            }
            for (int k = 0; k < n; k++) {
                double[] theirs = peer.encode(qualities[k]);
                times[2][k][i] = theirs[0];
                times[3][k][i] = theirs[1];
            }
        }
        Timed[][] out = new Timed[2][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = timed(qualities[k], ours[k], times[0][k], times[1][k]);
            out[1][k] = timed(qualities[k], peer.file(qualities[k]), times[2][k], times[3][k]);
        }
        return out;
    }

    private static Timed timed(int quality, byte[] file, double[] cpu, double[] wall) {
        return new Timed(quality, file, Arrays.stream(cpu).min().orElseThrow(), Json.median(cpu),
                Arrays.stream(wall).min().orElseThrow(), Json.median(wall));
    }

    /** The pipeline's JPEG of this rendition: its bytes and its PSNR. */
    double[] jpeg(float quality) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bgr, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, bgr.length);
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setOptimizeHuffmanTables(true);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        byte[] rgb = new byte[bgr.length];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 3) {
                int pixel = decoded.getRGB(x, y);
                rgb[i] = (byte) (pixel >> 16);
                rgb[i + 1] = (byte) (pixel >> 8);
                rgb[i + 2] = (byte) pixel;
            }
        }
        return new double[] {jpeg.length, RdCurve.psnr(bgr, rgb)};
    }

    /** The JDK's own writer (libjpeg), as the pipeline uses, not a plugin that would wrap it. */
    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageWriter")) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("the JDK's JPEG writer is not available");
    }

    /** The fit size in a box, as the pipeline computes it (ResizeGeometry, FIT): never enlarged, at least 1. */
    static int[] fit(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        double scale = Math.min(1.0, Math.min((double) boxWidth / sourceWidth, (double) boxHeight / sourceHeight));
        return new int[] {(int) Math.max(1, Math.min(Math.round(sourceWidth * scale), boxWidth)),
                (int) Math.max(1, Math.min(Math.round(sourceHeight * scale), boxHeight))};
    }
}
