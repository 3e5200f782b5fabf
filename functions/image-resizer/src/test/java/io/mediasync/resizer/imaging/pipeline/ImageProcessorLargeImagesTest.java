package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.decode.ImageDecoder;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static io.mediasync.testsupport.TestImages.decode;
import static io.mediasync.testsupport.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Large images: decoded reduced within a memory bound, or refused from their header by the pixel and side limits. */
class ImageProcessorLargeImagesTest extends ImageProcessorFixture {

    @Test
    void decodeBudgetSubsamplesBigSourcesAndStillProducesTheSizes() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.redCorner(2000, 1500), 0.9f);
        ImageProcessor tight = new ImageProcessor(FIFTY_MP, 400_000, ResizeMode.FIT, 0.85f);
        ProcessedImage result = tight.process(source, SizeSpec.parseList("50x50,250x250"));
        assertThat(result.width()).isEqualTo(2000);
        assertThat(result.renditions()).extracting(Rendition::width).containsExactly(50, 250);
        assertThat(result.renditions()).extracting(Rendition::height).containsExactly(38, 188);
        BufferedImage big = decode(result.renditions().get(1).jpeg());
        assertRed(rgbAt(big, 20, 20));
        assertColour(rgbAt(big, 200, 150), 128, 128, 128, 6);
    }

    @Test
    void bigSourceIsDecodedSubsampledWithinTheBudget() throws Exception {
        // 48 MP (a tiny all-black PNG): decoded in full it would be 48 MB of grey plus 144 MB of RGB; over the
        // 24 MP default budget it is decoded at 1/2 (12 MP) and the whole run must stay far below that
        byte[] png = TestImages.blackPng(8000, 6000);
        long before = allocatedBytes();
        ProcessedImage result = fit.process(png, STANDARD);
        long allocated = allocatedBytes() - before;
        assertThat(result.renditions()).extracting(Rendition::width).containsExactly(50, 250, 800);
        assertThat(result.renditions()).extracting(Rendition::height).containsExactly(38, 188, 600);
        assertColour(rgbAt(decode(result.renditions().get(2).jpeg()), 400, 300), 0, 0, 0, 2);
        assertThat(allocated).as("bytes allocated").isLessThan(100L << 20);
    }

    @Test
    void fiftyMegapixelJpegIsDecodedInTheDctWithinTheMemoryBound() throws Exception {
        // 8660x5773: decoded in full it would be 150 MB of RGB; the built-in decoder decodes it at 1/4 (2165x1444)
        BufferedImage small = decode(JpegBytes.greyJpeg(70, 45)); // the hand-made file is one ImageIO reads too
        assertThat(small.getWidth()).isEqualTo(70);
        assertColour(rgbAt(small, 69, 44), 128, 128, 128, 0);
        byte[] jpeg = JpegBytes.greyJpeg(8660, 5773);
        assertThat(jpeg.length).isLessThan(400_000);
        try (ImageDecoder decoder = ImageDecoder.open(jpeg, true, Long.MAX_VALUE)) {
            assertThat(decoder.reducesExactly()).isTrue();
        }
        long before = allocatedBytes();
        ProcessedImage result = fit.process(jpeg, STANDARD);
        long allocated = allocatedBytes() - before;
        assertThat(result.renditions()).extracting(Rendition::width).containsExactly(50, 250, 800);
        assertThat(result.renditions()).extracting(Rendition::height).containsExactly(33, 167, 533);
        assertColour(rgbAt(decode(result.renditions().get(2).jpeg()), 400, 266), 128, 128, 128, 2);
        assertThat(allocated).as("bytes allocated").isLessThan(100L << 20);
    }

    @Test
    void sixtyMegapixelPngIsRejectedFromItsHeaderWithoutDecoding() {
        byte[] png = TestImages.blackPng(7746, 7746);
        assertThat(png.length).isLessThan(200_000); // tiny file, huge image
        long allocatedBefore = allocatedBytes();
        ImageRejectedException e = rejection(fit, png);
        long allocated = allocatedBytes() - allocatedBefore;
        assertThat(e.code()).isEqualTo("too_many_pixels");
        assertThat(e.reason()).isEqualTo("image is 7746x7746 = 60.0 MP, over the 50.0 MP limit");
        assertThat(allocated).as("bytes allocated (decoding would need 60 MB)").isLessThan(10_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp"})
    void extremeAspectRatioIsRejectedFromItsHeader(String kind) {
        // 50,000,000 x 1 is within MAX_PIXELS, but its rows alone would be 150 MB: the side limit refuses it
        byte[] image = kind.equals("png") ? TestImages.blackPng(50_000_000, 1) : bmpHeader(50_000_000, 1);
        long before = allocatedBytes();
        ImageRejectedException e = rejection(fit, image);
        long allocated = allocatedBytes() - before;
        assertThat(e.code()).isEqualTo("too_many_pixels");
        assertThat(e.reason()).isEqualTo("image is 50000000x1, a side over the 65535 px limit");
        assertThat(allocated).as("bytes allocated (one row would be 150 MB)").isLessThan(10_000_000);
    }

    @Test
    void longestAllowedSideIsDecodedWithinTheMemoryBound() throws Exception {
        // 65535 x 700 (45.9 MP): reduced by 51 while decoding, to 1286 x 14, for the 800 x 9 rendition
        byte[] png = TestImages.blackPng(ImageProcessor.MAX_SIDE, 700);
        long before = allocatedBytes();
        ProcessedImage result = fit.process(png, STANDARD);
        long allocated = allocatedBytes() - before;
        assertThat(result.renditions()).extracting(Rendition::width).containsExactly(50, 250, 800);
        assertThat(result.renditions()).extracting(Rendition::height).containsExactly(1, 3, 9);
        assertThat(allocated).as("bytes allocated (decoded whole: 138 MB)").isLessThan(20_000_000);
    }

    /** A 24-bit BMP header (BITMAPINFOHEADER) of any size, followed by a few pixel bytes only. */
    private static byte[] bmpHeader(int width, int height) {
        java.nio.ByteBuffer bmp = java.nio.ByteBuffer.allocate(14 + 40 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(54);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return bmp.array();
    }

    @Test
    void limitIsInclusiveAndConfigurable() throws Exception {
        byte[] png = TestImages.png(TestImages.solid(100, 100, 0));
        assertThat(new ImageProcessor(10_000, ResizeMode.FIT, 0.85f).process(png, STANDARD).renditions()).hasSize(3);
        ImageRejectedException e = rejection(new ImageProcessor(9_999, ResizeMode.FIT, 0.85f), png);
        assertThat(e.code()).isEqualTo("too_many_pixels");
        assertThat(e.reason()).isEqualTo("image is 100x100 = 0.0 MP, over the 0.0 MP limit");
    }
}
