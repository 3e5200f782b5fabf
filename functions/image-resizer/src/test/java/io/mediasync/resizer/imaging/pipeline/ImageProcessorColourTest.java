package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.testsupport.TestImages;
import io.mediasync.common.images.SizeSpec;
import org.junit.jupiter.api.Test;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.List;

import static io.mediasync.testsupport.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Colour: CMYK, YCCK, embedded ICC profiles and grey levels come out as sRGB, without gamma shifts. */
class ImageProcessorColourTest extends ImageProcessorFixture {

    @Test
    void cmykJpegRedPatchComesOutRed() throws Exception {
        BufferedImage out = only(fit.process(TestImages.fixture("cmyk-red-patch.jpg"), List.of(new SizeSpec("s", 64, 64))));
        assertRed(rgbAt(out, 32, 32));
        assertColour(rgbAt(out, 3, 3), 255, 255, 255, 12); // C=M=Y=K=0 is paper white
    }

    @Test
    void ycckJpegComesOutRed() throws Exception {
        byte[] ycck = YcckJpeg.of(64, 64, 0, 255, 255, 0);
        assertThat(JpegMarkers.headerSegments(ycck)).anySatisfy(s -> {
            assertThat(s.marker()).isEqualTo(0xEE);
            assertThat(s.payload()[11]).as("Adobe transform = YCCK").isEqualTo((byte) 2);
        });
        assertRed(rgbAt(only(fit.process(ycck, List.of(new SizeSpec("s", 32, 32)))), 16, 16));
    }

    @Test
    void embeddedIccProfileIsConvertedToSrgb() throws Exception {
        byte[] profile;
        try (InputStream in = com.twelvemonkeys.imageio.color.ColorSpaces.class.getResourceAsStream("/profiles/ClayRGB1998.icc")) {
            assertThat(in).as("TwelveMonkeys' Adobe RGB (1998) compatible profile").isNotNull();
            profile = in.readAllBytes();
        }
        // a saturated Adobe RGB green lies outside sRGB: converted it keeps far less red and blue than the naive
        // reading, so the two are easy to tell apart; the expected value comes from Java's own colour management
        int adobe = 0x40C040;
        float[] srgb = new java.awt.color.ICC_ColorSpace(ICC_Profile.getInstance(profile))
                .toRGB(new float[] {0x40 / 255f, 0xC0 / 255f, 0x40 / 255f});
        byte[] jpeg = JpegBytes.withIccProfile(TestImages.jpeg(TestImages.solid(64, 64, adobe), 0.95f), profile);
        int[] out = rgbAt(only(fit.process(jpeg, List.of(new SizeSpec("s", 32, 32)))), 16, 16);
        assertColour(out, Math.round(srgb[0] * 255), Math.round(srgb[1] * 255), Math.round(srgb[2] * 255), 8);
        assertThat(out[0]).as("not the unconverted 0x40").isLessThan(0x40 - 20);
    }

    @Test
    void greyscaleJpegKeepsItsGreyLevel() throws Exception {
        // Java2D treats grey as linear light and would turn 128 into ~188
        assertColour(rgbAt(only(fit.process(TestImages.fixture("grey-128.jpg"), List.of(new SizeSpec("s", 24, 24)))), 12, 12),
                128, 128, 128, 3);
    }

    @Test
    void sixteenBitGreyPngKeepsItsGreyLevel() throws Exception {
        BufferedImage grey16 = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                grey16.getRaster().setSample(x, y, 0, 0x8080);
            }
        }
        assertColour(rgbAt(only(fit.process(TestImages.png(grey16), List.of(new SizeSpec("s", 20, 20)))), 10, 10),
                128, 128, 128, 3);
    }

    @Test
    void greyWithAlphaPngIsFlattenedWithoutGammaShift() throws Exception {
        var model = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY),
                true, false, java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_BYTE);
        var raster = model.createCompatibleWritableRaster(20, 10);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                raster.setPixel(x, y, new int[] {128, x < 10 ? 255 : 128}); // left opaque, right half transparent
            }
        }
        BufferedImage greyAlpha = new BufferedImage(model, raster, false, null);
        BufferedImage out = only(fit.process(TestImages.png(greyAlpha), List.of(new SizeSpec("s", 20, 10))));
        assertColour(rgbAt(out, 3, 5), 128, 128, 128, 3);
        assertColour(rgbAt(out, 16, 5), 191, 191, 191, 3); // 128 at 50% over white
    }
}
