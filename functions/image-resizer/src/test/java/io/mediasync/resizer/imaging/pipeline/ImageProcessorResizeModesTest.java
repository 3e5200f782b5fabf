package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.testsupport.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static io.mediasync.testsupport.TestImages.decode;
import static io.mediasync.testsupport.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/** FIT, FILL and FORCE: the documented dimensions, the centre crop, and a clean downscale. */
class ImageProcessorResizeModesTest extends ImageProcessorFixture {

    @ParameterizedTest
    @CsvSource({
            "FIT,   400, 300, 100, 100, 100, 75",
            "FIT,   40,  30,  50,  50,  40,  30",
            "FILL,  400, 300, 100, 100, 100, 100",
            "FILL,  400, 300, 50,  120, 50,  120",
            "FILL,  40,  30,  50,  50,  40,  30",
            "FILL,  100, 30,  50,  50,  50,  30",
            "FORCE, 400, 300, 100, 100, 100, 100",
            "FORCE, 40,  30,  50,  50,  50,  50"})
    void modesProduceTheDocumentedDimensions(ResizeMode mode, int sw, int sh, int bw, int bh, int w, int h) throws Exception {
        byte[] source = TestImages.png(TestImages.redCorner(sw, sh));
        Rendition r = new ImageProcessor(FIFTY_MP, mode, 0.85f).process(source, List.of(new SizeSpec("s", bw, bh)))
                .renditions().get(0);
        assertThat(r.width()).isEqualTo(w);
        assertThat(r.height()).isEqualTo(h);
        BufferedImage out = decode(r.jpeg());
        assertThat(out.getWidth()).isEqualTo(w);
        assertThat(out.getHeight()).isEqualTo(h);
    }

    @Test
    void fillCropsTheCentre() throws Exception {
        // 300x100: red | green | blue thirds; a square FILL shows only the green middle
        BufferedImage thirds = TestImages.solid(300, 100, 0x00C000);
        Graphics2D g = thirds.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 100, 100);
        g.dispose();
        BufferedImage out = only(new ImageProcessor(FIFTY_MP, ResizeMode.FILL, 0.9f)
                .process(TestImages.png(thirds), List.of(new SizeSpec("s", 50, 50))));
        assertColour(rgbAt(out, 3, 25), 0, 192, 0, 30);
        assertColour(rgbAt(out, 46, 25), 0, 192, 0, 30);
    }

    @Test
    void fineCheckerboardComesOutMidGreyThroughTheWholePipeline() throws Exception {
        // exercises box reduction (1000 -> 250 by 4) and Lanczos (250 -> 100) together
        byte[] source = TestImages.png(TestImages.checkerboard(1000, 1000));
        BufferedImage out = only(fit.process(source, List.of(new SizeSpec("s", 100, 100))));
        for (int y = 0; y < 100; y += 7) {
            for (int x = 0; x < 100; x += 7) {
                assertColour(rgbAt(out, x, y), 128, 128, 128, 10);
            }
        }
    }
}
