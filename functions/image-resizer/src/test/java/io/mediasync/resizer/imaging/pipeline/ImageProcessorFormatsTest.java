package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.testsupport.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static io.mediasync.testsupport.TestImages.decode;
import static io.mediasync.testsupport.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Every format decodes and produces every size; transparency is flattened onto white. */
class ImageProcessorFormatsTest extends ImageProcessorFixture {

    @Test
    void largeJpegProducesEverySizeInOrderWithTheRightDimensions() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(1600, 1200, 1), 0.9f);
        ProcessedImage result = fit.process(source, STANDARD);
        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.width()).isEqualTo(1600);
        assertThat(result.height()).isEqualTo(1200);
        assertThat(result.renditions()).extracting(r -> r.size().label()).containsExactly("50x50", "250x250", "800x800");
        assertThat(result.renditions()).extracting(Rendition::width).containsExactly(50, 250, 800);
        assertThat(result.renditions()).extracting(Rendition::height).containsExactly(38, 188, 600);
        for (Rendition r : result.renditions()) {
            BufferedImage decoded = decode(r.jpeg());
            assertThat(decoded.getWidth()).isEqualTo(r.width());
            assertThat(decoded.getHeight()).isEqualTo(r.height());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "progressive.jpg,        JPEG, 96, 64",
            "halves.bmp,             BMP,  64, 48",
            "lossy.webp,             WEBP, 80, 60",
            "lossless.webp,          WEBP, 80, 60"})
    void decodesLeftRedRightBlueFixtures(String fixture, ImageFormat format, int width, int height) throws Exception {
        ProcessedImage result = fit.process(TestImages.fixture(fixture), List.of(new SizeSpec("s", 32, 32)));
        assertThat(result.format()).isEqualTo(format);
        assertThat(result.width()).isEqualTo(width);
        assertThat(result.height()).isEqualTo(height);
        BufferedImage out = only(result);
        assertThat(out.getWidth()).isEqualTo(32);
        assertThat(out.getHeight()).isEqualTo(32 * height / width);
        assertRed(rgbAt(out, 4, out.getHeight() / 2));
        int[] right = rgbAt(out, out.getWidth() - 5, out.getHeight() / 2);
        assertThat(right[2]).as("blue of %s", Arrays.toString(right)).isGreaterThan(200);
        assertThat(right[0]).as("red of %s", Arrays.toString(right)).isLessThan(60);
    }

    @Test
    void decodesPng() throws Exception {
        ProcessedImage result = fit.process(TestImages.png(TestImages.redCorner(400, 200)), List.of(new SizeSpec("s", 100, 100)));
        assertThat(result.format()).isEqualTo(ImageFormat.PNG);
        BufferedImage out = only(result);
        assertThat(out.getWidth()).isEqualTo(100);
        assertThat(out.getHeight()).isEqualTo(50);
        assertRed(rgbAt(out, 5, 5));
        assertColour(rgbAt(out, 80, 40), 128, 128, 128, 4);
    }

    @Test
    void gifUsesTheFirstFrame() throws Exception {
        ProcessedImage result = fit.process(TestImages.fixture("two-frames.gif"), List.of(new SizeSpec("s", 20, 20)));
        assertThat(result.format()).isEqualTo(ImageFormat.GIF);
        BufferedImage out = only(result);
        assertThat(out.getWidth()).isEqualTo(20);
        assertThat(out.getHeight()).isEqualTo(15);
        assertRed(rgbAt(out, 10, 7)); // frame 1 is red, frame 2 green
    }

    @Test
    void pngAlphaIsFlattenedOntoWhite() throws Exception {
        BufferedImage argb = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB); // all transparent black
        Graphics2D g = argb.createGraphics();
        g.setColor(new Color(0, 0, 255, 255));
        g.fillRect(0, 0, 100, 100);      // left half opaque blue
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(new Color(255, 0, 0, 128));
        g.fillRect(100, 50, 100, 50);    // bottom right half-transparent red
        g.dispose();
        BufferedImage out = only(fit.process(TestImages.png(argb), List.of(new SizeSpec("s", 100, 100))));
        assertColour(rgbAt(out, 25, 25), 0, 0, 255, 8);
        assertColour(rgbAt(out, 75, 10), 255, 255, 255, 3);   // transparent -> white, not black
        assertColour(rgbAt(out, 75, 40), 255, 127, 127, 8);   // 50% red over white -> pink
    }

    @Test
    void palettePngWithTransparencyIsFlattenedOntoWhite() throws Exception {
        var palette = new java.awt.image.IndexColorModel(8, 2, new byte[] {0, (byte) 255}, new byte[] {0, 0},
                new byte[] {0, 0}, 0); // index 0 transparent
        BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < 20; y++) {
            for (int x = 20; x < 40; x++) {
                indexed.getRaster().setSample(x, y, 0, 1);
            }
        }
        BufferedImage out = only(fit.process(TestImages.png(indexed), List.of(new SizeSpec("s", 40, 20))));
        assertColour(rgbAt(out, 5, 10), 255, 255, 255, 3);
        assertRed(rgbAt(out, 35, 10));
    }

    @Test
    void webpAlphaIsFlattenedOntoWhite() throws Exception {
        BufferedImage out = only(fit.process(TestImages.fixture("lossless-alpha.webp"), List.of(new SizeSpec("s", 80, 60))));
        assertRed(rgbAt(out, 10, 30));
        assertColour(rgbAt(out, 70, 30), 255, 255, 255, 3);
    }
}
