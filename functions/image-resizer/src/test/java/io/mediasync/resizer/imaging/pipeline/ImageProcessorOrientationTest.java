package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.resample.ExifOrientation;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static io.mediasync.testsupport.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/** EXIF orientation: every rendition comes out upright. */
class ImageProcessorOrientationTest extends ImageProcessorFixture {

    @Test
    void exifOrientationSixFixtureComesOutUpright() throws Exception {
        // stored 40x60 (portrait) with orientation 6; upright it is 60x40 with a red top-left corner
        byte[] source = TestImages.fixture("exif-orientation-6.jpg");
        assertThat(fit.probe(source)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 60, 40));
        ProcessedImage result = fit.process(source, List.of(new SizeSpec("s", 30, 30)));
        assertThat(result.width()).isEqualTo(60);
        assertThat(result.height()).isEqualTo(40);
        BufferedImage out = only(result);
        assertThat(out.getWidth()).isEqualTo(30);
        assertThat(out.getHeight()).isEqualTo(20);
        assertRed(rgbAt(out, 2, 2));
        assertColour(rgbAt(out, 27, 2), 128, 128, 128, 10);
        assertColour(rgbAt(out, 2, 17), 128, 128, 128, 10);
        assertColour(rgbAt(out, 27, 17), 128, 128, 128, 10);
    }

    /**
     * For each EXIF orientation, stores an upright 120x80 image (red top-left corner) the way a camera would and
     * checks the red corner comes back to the top-left. The stored layout follows the EXIF definition of what
     * row 0 and column 0 of the stored image show, independently of {@link ExifOrientation}.
     */
    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "3, false", "4, true", "5, false", "6, true", "7, false", "8, true"})
    void everyExifOrientationComesOutUpright(int orientation, boolean bigEndian) throws Exception {
        int w = 120;
        int h = 80;
        BufferedImage upright = TestImages.redCorner(w, h);
        boolean swap = orientation >= 5;
        BufferedImage stored = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < stored.getHeight(); sy++) {
            for (int sx = 0; sx < stored.getWidth(); sx++) {
                int[] at = switch (orientation) {
                    case 1 -> new int[] {sx, sy};
                    case 2 -> new int[] {w - 1 - sx, sy};
                    case 3 -> new int[] {w - 1 - sx, h - 1 - sy};
                    case 4 -> new int[] {sx, h - 1 - sy};
                    case 5 -> new int[] {sy, sx};                 // row 0 = left, column 0 = top
                    case 6 -> new int[] {w - 1 - sy, sx};         // row 0 = right, column 0 = top
                    case 7 -> new int[] {w - 1 - sy, h - 1 - sx}; // row 0 = right, column 0 = bottom
                    default -> new int[] {sy, h - 1 - sx};        // 8: row 0 = left, column 0 = bottom
                };
                stored.setRGB(sx, sy, upright.getRGB(at[0], at[1]));
            }
        }
        byte[] source = JpegBytes.withExifOrientation(TestImages.jpeg(stored, 0.95f), orientation, bigEndian);
        for (ResizeMode mode : ResizeMode.values()) {
            ProcessedImage result = new ImageProcessor(FIFTY_MP, mode, 0.9f).process(source, List.of(new SizeSpec("s", 60, 60)));
            assertThat(result.width()).isEqualTo(w);
            assertThat(result.height()).isEqualTo(h);
            BufferedImage out = only(result);
            assertThat(out.getWidth()).as(mode.name()).isEqualTo(60);
            assertThat(out.getHeight()).as(mode.name()).isEqualTo(mode == ResizeMode.FIT ? 40 : 60);
            if (mode == ResizeMode.FIT) {
                assertRed(rgbAt(out, 3, 3));
                assertColour(rgbAt(out, 56, 3), 128, 128, 128, 10);
                assertColour(rgbAt(out, 3, 36), 128, 128, 128, 10);
            }
        }
    }
}
