package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class ResamplerTest {

    private static RgbImage fill(int width, int height, int rgb) {
        RgbImage image = RgbImage.allocate(width, height);
        byte[] p = image.bgr();
        for (int i = 0; i < p.length; i += 3) {
            p[i] = (byte) rgb;
            p[i + 1] = (byte) (rgb >> 8);
            p[i + 2] = (byte) (rgb >> 16);
        }
        return image;
    }

    private static RgbImage checkerboard(int width, int height) {
        RgbImage image = RgbImage.allocate(width, height);
        byte[] p = image.bgr();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte v = (byte) (((x + y) & 1) == 0 ? 0 : 255);
                int i = (y * width + x) * 3;
                p[i] = v;
                p[i + 1] = v;
                p[i + 2] = v;
            }
        }
        return image;
    }

    private static int grey(RgbImage image, int x, int y) {
        return image.rgb(x, y) & 0xFF;
    }

    @Test
    void fineCheckerboardBecomesMidGreyNotAliased() {
        // a 1-pixel checkerboard has all its energy at the Nyquist frequency: a proper low-pass filter turns it
        // into flat grey; point sampling or a 2-tap bilinear step at scale 0.37 would give black/white patterns
        RgbImage out = Resampler.resample(checkerboard(301, 301), 0, 0, 301, 301, 111, 111);
        int min = 255;
        int max = 0;
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                min = Math.min(min, grey(out, x, y));
                max = Math.max(max, grey(out, x, y));
            }
        }
        assertThat(min).isGreaterThanOrEqualTo(118);
        assertThat(max).isLessThanOrEqualTo(138);
    }

    @Test
    void java2dOneStepBilinearWouldAliasTheSameCheckerboard() {
        // the contrast for the comment in Resampler: what the hand-written filter avoids
        BufferedImage source = TestImages.checkerboard(301, 301);
        BufferedImage scaled = new BufferedImage(111, 111, BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, 111, 111, null);
        g.dispose();
        int min = 255;
        int max = 0;
        for (int y = 0; y < 111; y++) {
            for (int x = 0; x < 111; x++) {
                int v = scaled.getRGB(x, y) & 0xFF;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(max - min).isGreaterThan(100);
    }

    @Test
    void flatColourStaysExactlyTheSame() {
        RgbImage out = Resampler.resample(fill(97, 61, 0x3C8AF0), 0, 0, 97, 61, 13, 29);
        assertThat(out.width()).isEqualTo(13);
        assertThat(out.height()).isEqualTo(29);
        for (int y = 0; y < 29; y++) {
            for (int x = 0; x < 13; x++) {
                assertThat(out.rgb(x, y)).isEqualTo(0x3C8AF0);
            }
        }
    }

    @Test
    void enlargingAndSameSizeWork() {
        RgbImage source = fill(10, 10, 0x102030);
        assertThat(Resampler.resample(source, 0, 0, 10, 10, 25, 4).rgb(24, 3)).isEqualTo(0x102030);
        assertThat(Resampler.resample(source, 0, 0, 10, 10, 10, 10)).isSameAs(source);
    }

    @Test
    void regionSelectsTheCentre() {
        // left third red, middle green, right third blue: the centre region alone must be green (the region
        // [39, 51) shrunk 2x has a kernel reaching 6 pixels out, still inside the green third)
        RgbImage image = RgbImage.allocate(90, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 90; x++) {
                int rgb = x < 30 ? 0xFF0000 : x < 60 ? 0x00FF00 : 0x0000FF;
                int i = (y * 90 + x) * 3;
                image.bgr()[i] = (byte) rgb;
                image.bgr()[i + 1] = (byte) (rgb >> 8);
                image.bgr()[i + 2] = (byte) (rgb >> 16);
            }
        }
        RgbImage centre = Resampler.resample(image, 39, 6, 51, 24, 6, 6);
        for (int x = 0; x < 6; x++) {
            assertThat(centre.rgb(x, 3)).isEqualTo(0x00FF00);
        }
    }

    @Test
    void edgeIsPreservedWithoutBleeding() {
        // sharp vertical edge, shrunk 4x: far from the edge colours are pure, next to it they are blended
        RgbImage image = RgbImage.allocate(400, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 200; x < 400; x++) {
                int i = (y * 400 + x) * 3;
                image.bgr()[i] = image.bgr()[i + 1] = image.bgr()[i + 2] = (byte) 255;
            }
        }
        RgbImage out = Resampler.resample(image, 0, 0, 400, 40, 100, 10);
        assertThat(grey(out, 10, 5)).isEqualTo(0);
        assertThat(grey(out, 90, 5)).isEqualTo(255);
        assertThat(grey(out, 49, 5)).isBetween(0, 128);
        assertThat(grey(out, 50, 5)).isBetween(128, 255);
    }

    @Test
    void lanczosKernelShape() {
        assertThat(Weights.lanczos3(0)).isEqualTo(1.0);
        assertThat(Weights.lanczos3(1)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Weights.lanczos3(1.5)).isNegative();
        assertThat(Weights.lanczos3(3)).isEqualTo(0.0);
    }

    @Test
    void boxReducerAveragesWholeAndPartialBlocks() {
        RgbImage image = RgbImage.allocate(5, 3);
        for (int i = 0; i < 15; i++) {
            int v = i * 10;
            image.bgr()[i * 3] = image.bgr()[i * 3 + 1] = image.bgr()[i * 3 + 2] = (byte) v;
        }
        RgbImage out = BoxReducer.reduce(image, 2, 2);
        assertThat(out.width()).isEqualTo(3);
        assertThat(out.height()).isEqualTo(2);
        assertThat(grey(out, 0, 0)).isEqualTo((0 + 10 + 50 + 60 + 2) / 4);  // 30
        assertThat(grey(out, 2, 0)).isEqualTo((40 + 90) / 2);             // partial column: 65
        assertThat(grey(out, 0, 1)).isEqualTo((100 + 110) / 2);           // partial row: 105
        assertThat(grey(out, 2, 1)).isEqualTo(140);                        // corner: one pixel
        assertThat(BoxReducer.reduce(image, 1, 1)).isSameAs(image);
    }

    /** A JPEG plane halved keeps its mean: its means of 4 round up and down alternately (chroma would carry a bias). */
    @Test
    void halvingOnePlaneIsUnbiased() {
        Plane plane = Plane.allocate(400, 300, 1);
        new java.util.Random(7).nextBytes(plane.samples());
        Plane half = BoxReducer.reduce(plane, 2, 2);
        assertThat(mean(half) - mean(plane)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(0.01));
        Plane twoChannels = new Plane(200, 300, 2, 400, plane.samples());
        // any other layout averages as the general loop does: blocks of 2 x 2 pixels, channel by channel
        Plane general = BoxReducer.reduce(twoChannels, 2, 2);
        assertThat(general.samples()[0] & 0xFF).isEqualTo(((plane.samples()[0] & 0xFF) + (plane.samples()[2] & 0xFF)
                + (plane.samples()[400] & 0xFF) + (plane.samples()[402] & 0xFF) + 2) / 4);
    }

    private static double mean(Plane plane) {
        long sum = 0;
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                sum += plane.samples()[plane.offset() + y * plane.stride() + x] & 0xFF;
            }
        }
        return (double) sum / (plane.width() * plane.height());
    }
}
