package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.decode.DecodedImage;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.Weights;
import io.mediasync.testsupport.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output quality, measured as the issue defines it: PSNR of each size against an exact Lanczos-3 of the full image
 * (ImageIO's full decode, filtered in double precision, no box step, no shrink-on-load). The pipeline with the
 * built-in decoder (DCT scaling) against the same pipeline on ImageIO alone, the one before it: as delivered (JPEG
 * q85, 4:2:0) on every pixel, and before encoding on the luma. The renditions keep half their size's colour detail
 * (4:2:0), so a JPEG's chroma is resized from half resolution when the sizes allow ({@link DecodedImage}): before
 * encoding its pixels then differ from the exact filter's in colour detail that the encoding drops anyway.
 */
class ResizeQualityTest {

    static Stream<Arguments> sources() {
        return Stream.of(
                // a photo 4x the largest size (decoded at 1/2), and a cover 3.75x (decoded at 1/2, then Lanczos 1.9x)
                Arguments.of("photo", TestImages.jpeg(TestImages.photoLike(2400, 1800, 31), 0.9f), "50x50,250x250,600x600"),
                Arguments.of("cover", TestImages.jpeg(cover(1500), 0.9f), "50x50,250x250,400x400"),
                // a photo 5.45x the largest size: decoded at 1/2 with its chroma at half that, as planes
                Arguments.of("photo, chroma at half", TestImages.jpeg(TestImages.photoLike(2400, 1800, 17), 0.9f),
                        "50x50,250x250,440x440"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void renditionsAreAsCloseToAnExactLanczosAsBefore(String name, byte[] source, String sizeList) throws Exception {
        List<SizeSpec> sizes = SizeSpec.parseList(sizeList);
        ImageProcessor builtIn = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, ResizeMode.FIT, 0.85f, true);
        ImageProcessor imageIo = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, ResizeMode.FIT, 0.85f, false);
        RgbImage full = RgbImage.wrapPacked(toBgr(ImageIO.read(new ByteArrayInputStream(source))));
        ImageProcessor.Rendered ours = builtIn.render(source, sizes);
        ImageProcessor.Rendered previous = imageIo.render(source, sizes);
        ProcessedImage oursEncoded = builtIn.process(source, sizes);
        ProcessedImage beforeEncoded = imageIo.process(source, sizes);
        for (int i = 0; i < sizes.size(); i++) {
            RgbImage exact = ExactLanczos.resize(full, ours.pixels()[i].width(), ours.pixels()[i].height());
            // before encoding: the resize itself, on the luma; within a fraction of a dB of the previous pipeline
            double oursRaw = lumaPsnr(ours.pixels()[i], exact);
            double previousRaw = lumaPsnr(previous.pixels()[i], exact);
            assertThat(oursRaw).as("%s %s luma before encoding (previously %.2f dB)", name, sizes.get(i).label(),
                    previousRaw).isGreaterThanOrEqualTo(Math.min(previousRaw - 1, 50));
            double after = JpegDecoderEquivalenceTest.psnr(decoded(oursEncoded, i), exact);
            double before = JpegDecoderEquivalenceTest.psnr(decoded(beforeEncoded, i), exact);
            assertThat(after).as("%s %s as delivered (JPEG q85), previously %.2f dB", name, sizes.get(i).label(), before)
                    .isGreaterThanOrEqualTo(before - 0.1);
        }
    }

    /** PSNR of the two images' luma (the JFIF weights of R, G, B), in double precision. */
    static double lumaPsnr(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        double squared = 0;
        int n = a.width() * a.height();
        for (int i = 0; i < n * 3; i += 3) {
            double d = luma(a.bgr(), i) - luma(b.bgr(), i);
            squared += d * d;
        }
        return 10 * Math.log10(255.0 * 255.0 / (squared / n));
    }

    private static double luma(byte[] bgr, int i) {
        return 0.114 * (bgr[i] & 0xFF) + 0.587 * (bgr[i + 1] & 0xFF) + 0.299 * (bgr[i + 2] & 0xFF);
    }

    private static RgbImage decoded(ProcessedImage image, int i) {
        return RgbImage.wrapPacked(toBgr(TestImages.decode(image.renditions().get(i).jpeg())));
    }

    private static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(image, 0, 0, null);
        return bgr;
    }

    /** Cover-like: a gradient, flat anti-aliased discs, a grainy inset and thin bright strokes. */
    private static BufferedImage cover(int size) {
        BufferedImage image = TestImages.photoLike(size, size, 9);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0x1B2A6B), size, 0, new Color(0xE0533D)));
        g.fillRect(0, 0, size, size / 2);
        g.setColor(new Color(0xF2C14E));
        g.fillOval(size / 8, size / 8, size / 3, size / 3);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(size / 100f));
        for (int i = 0; i < 12; i++) {
            g.drawLine(size / 2 + i * size / 30, size / 10, size / 2 + i * size / 40, size / 3);
        }
        g.dispose();
        return image;
    }

    /** The reference: Lanczos-3 in double precision, weights as Pillow's, straight from the full image. */
    static final class ExactLanczos {
        static RgbImage resize(RgbImage src, int width, int height) {
            double[][] rows = weights(src.height(), height);
            int[] rowStart = starts(src.height(), height);
            double[][] columns = weights(src.width(), width);
            int[] columnStart = starts(src.width(), width);
            RgbImage out = RgbImage.allocate(width, height);
            byte[] in = src.bgr();
            int rowBytes = src.width() * 3;
            double[] line = new double[rowBytes];
            for (int y = 0; y < height; y++) {
                java.util.Arrays.fill(line, 0);
                for (int t = 0; t < rows[y].length; t++) {
                    int p = (rowStart[y] + t) * rowBytes;
                    for (int i = 0; i < rowBytes; i++) {
                        line[i] += rows[y][t] * (in[p + i] & 0xFF);
                    }
                }
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                        double sum = 0;
                        for (int t = 0; t < columns[x].length; t++) {
                            sum += columns[x][t] * line[(columnStart[x] + t) * 3 + c];
                        }
                        out.bgr()[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                    }
                }
            }
            return out;
        }

        private static int[] starts(int in, int out) {
            int[] starts = new int[out];
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                starts[i] = Math.max((int) ((i + 0.5) * scale - 3 * Math.max(scale, 1) + 0.5), 0);
            }
            return starts;
        }

        private static double[][] weights(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1);
            int[] starts = starts(in, out);
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int max = Math.min((int) (center + 3 * filterScale + 0.5), in);
                double[] w = new double[max - starts[i]];
                double total = 0;
                for (int j = 0; j < w.length; j++) {
                    w[j] = Weights.lanczos3((j + starts[i] - center + 0.5) / filterScale);
                    total += w[j];
                }
                for (int j = 0; j < w.length; j++) {
                    w[j] /= total;
                }
                weights[i] = w;
            }
            return weights;
        }
    }
}
