package io.mediasync.resizer.imaging.pipeline;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.decode.ImageDecoder;
import io.mediasync.resizer.imaging.jpeg.JpegDecoder;
import io.mediasync.resizer.imaging.jpeg.JpegPlane;
import io.mediasync.resizer.imaging.jpeg.JpegPlanes;
import io.mediasync.resizer.imaging.pixels.Plane;
import io.mediasync.resizer.imaging.resample.BoxReducer;
import io.mediasync.resizer.imaging.resample.ResizeGeometry;
import io.mediasync.testsupport.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;



import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPEGs decoded to their component planes (the resizer's path for YCbCr and grey): each plane against libjpeg's own
 * components (ImageIO's raster, before colour conversion), over every sampling layout the planes take; and whole
 * renditions made from planes against the same renditions made from ImageIO's pixels, for every resize mode.
 */
class JpegPlanesTest {

    static List<JpegCorpus.Entry> planar() {
        return JpegCorpus.all().stream().filter(e -> open(e.jpeg()).decodesToPlanes(1, Double.MAX_VALUE)).toList();
    }

    @Test
    void thePlanarLayoutsAreTheCommonOnes() {
        assertThat(planar()).extracting(JpegCorpus.Entry::name).allMatch(name -> name.matches(
                "(1x1,1x1,1x1|2x1,1x1,1x1|2x2,1x1,1x1|1x2,1x1,1x1|2x2,1x2,2x1|grey) .*")).hasSize(5 * 4 + 3);
        // CMYK, YCCK and Adobe RGB have no luma plane; 4:1:1 and 3:1 would need chroma subsampled by more than 2 on
        // an axis: all those go through pixels
        for (JpegCorpus.Entry entry : JpegCorpus.all()) {
            if (entry.name().matches("(4x1|3x1).*|CMYK.*|YCCK.*|Adobe RGB.*")) {
                assertThat(open(entry.jpeg()).decodesToPlanes(2, Double.MAX_VALUE)).as(entry.name()).isFalse();
            }
        }
    }

    /** Luma at 1/n is the n x n box average of libjpeg's luma, as the pixel decode is of its pixels. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("planar")
    void lumaPlaneIsTheBoxAverageOfLibjpegsLuma(JpegCorpus.Entry entry) throws Exception {
        Raster components = libjpegComponents(entry.jpeg());
        for (int denominator : new int[] {1, 2, 4, 8}) {
            JpegPlanes planes = open(entry.jpeg()).decodePlanes(denominator, Double.MAX_VALUE);
            assertThat(planes.width()).isEqualTo(BoxReducer.ceilDiv(components.getWidth(), denominator));
            JpegPlane luma = planes.planes()[0];
            Plane expected = BoxReducer.reduce(band(components, 0), denominator, denominator);
            assertThat(psnr(luma, expected)).as("luma at 1/%d", denominator).isGreaterThanOrEqualTo(45);
            if (denominator < 8) { // the block means: the luma reduced by 8 (edge blocks include the encoder's padding)
                assertThat(luma.meansFactor()).isEqualTo(8 / denominator);
                assertThat(psnr(luma.means(), BoxReducer.reduce(band(components, 0), 8, 8))).as("block means")
                        .isGreaterThanOrEqualTo(40);
            } else {
                assertThat(luma.means()).as("1x1 blocks are their own means").isNull();
            }
        }
    }

    /**
     * With a span of one pixel, chroma keeps the file's own resolution: libjpeg's upsampled chroma, averaged back over
     * each chroma sample's pixels, gives it back (its triangle filter is not exactly undone by the average: close).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("planar")
    void chromaAtFullResolutionIsTheFilesChroma(JpegCorpus.Entry entry) throws Exception {
        Raster components = libjpegComponents(entry.jpeg());
        JpegPlanes planes = open(entry.jpeg()).decodePlanes(1, 1);
        for (int c = 1; c < planes.planes().length; c++) {
            JpegPlane chroma = planes.planes()[c];
            Plane expected = BoxReducer.reduce(band(components, c), chroma.subsamplingX(), chroma.subsamplingY());
            assertThat(chroma.width()).isEqualTo(expected.width());
            assertThat(chroma.height()).isEqualTo(expected.height());
            assertThat(psnr(chroma, expected)).as("component %d", c).isGreaterThanOrEqualTo(entry.name().startsWith("1x1,") ? 45 : 38);
        }
    }

    /**
     * Reduced chroma keeps each block's lowest frequencies rather than its box average (IdctTest checks the
     * transform): it is the full chroma low-passed, so it stays close to its box average, at the right place.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("planar")
    void reducedChromaIsTheFullChromaAtItsScale(JpegCorpus.Entry entry) throws Exception {
        JpegPlanes full = open(entry.jpeg()).decodePlanes(1, 1);
        JpegPlanes reduced = open(entry.jpeg()).decodePlanes(2, Double.MAX_VALUE);
        for (int c = 1; c < full.planes().length; c++) {
            JpegPlane chroma = reduced.planes()[c];
            JpegPlane native_ = full.planes()[c];
            assertThat(chroma.subsamplingX()).isEqualTo(native_.subsamplingX());
            Plane expected = BoxReducer.reduce(asPlane(native_), 2, 2);
            assertThat(psnr(chroma, expected)).as("component %d at 1/2", c).isGreaterThanOrEqualTo(35);
        }
    }

    /**
     * Renditions made from planes against renditions made from ImageIO's pixels (the pipeline before the built-in
     * decoders), on a 4:2:0 photo with sharp colour edges and an odd size, decoded at 1/2 with its chroma at half
     * that: FILL crops chroma at a fractional offset, FORCE stretches it unevenly. Chroma misplaced by half a chroma
     * sample costs 6 dB here (48.5 dB at least, measured).
     */
    @ParameterizedTest
    @EnumSource(ResizeMode.class)
    void renditionsFromPlanesMatchRenditionsFromPixels(ResizeMode mode) throws Exception {
        byte[] source = TestImages.jpeg(colourEdges(1203, 801), 0.92f);
        List<SizeSpec> sizes = SizeSpec.parseList("50x50,120x120,219x146");
        try (ImageDecoder decoder = ImageDecoder.open(source, true, Long.MAX_VALUE)) {
            ImageDecoder.Decoded decoded = decoder.decode(sizes.stream()
                    .map(s -> ResizeGeometry.of(mode, 1203, 801, s.width(), s.height())).toList(), Long.MAX_VALUE);
            assertThat(decoded.factor()).isEqualTo(2);
            assertThat(decoded.image().subsamplingX(1)).as("chroma samples per luma sample").isEqualTo(2);
        }
        ImageProcessor.Rendered planes = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, mode,
                0.85f, true).render(source, sizes);
        ImageProcessor.Rendered pixels = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, mode,
                0.85f, false).render(source, sizes);
        for (int i = 0; i < sizes.size(); i++) {
            assertThat(JpegDecoderEquivalenceTest.psnr(planes.pixels()[i], pixels.pixels()[i]))
                    .as("%s %s", mode, sizes.get(i).label()).isGreaterThanOrEqualTo(45);
        }
    }

    /** An embedded RGB profile other than sRGB is converted on pixels (ImageProcessorColourTest checks the colours). */
    @Test
    void onlyJpegsWithoutColourManagementAreDecodedToPlanes() throws Exception {
        byte[] plain = TestImages.jpeg(TestImages.photoLike(64, 48, 3), 0.9f);
        byte[] adobeRgb;
        try (InputStream in = ColorSpaces.class.getResourceAsStream("/profiles/ClayRGB1998.icc")) {
            adobeRgb = in.readAllBytes();
        }
        assertThat(planeCount(plain)).isEqualTo(3);
        assertThat(planeCount(JpegBytes.withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())))
                .as("sRGB profile").isEqualTo(3);
        assertThat(planeCount(JpegBytes.withIccProfile(plain, adobeRgb))).as("Adobe RGB profile").isEqualTo(1);
        assertThat(planeCount(TestImages.fixture("grey-128.jpg"))).as("grey").isEqualTo(1);
    }

    private static int planeCount(byte[] jpeg) throws Exception {
        try (ImageDecoder decoder = ImageDecoder.open(jpeg, true, Long.MAX_VALUE)) {
            ImageDecoder.Decoded decoded = decoder.decode(2, () -> 1, Double.MAX_VALUE, false);
            assertThat(decoded.builtIn()).isTrue();
            return decoded.image().planeCount();
        }
    }

    private static BufferedImage colourEdges(int width, int height) {
        BufferedImage image = TestImages.photoLike(width, height, 5);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xE0203A));
        g.fillRect(width / 7, height / 5, width / 3, height / 3);
        g.setColor(new Color(0x1040D0));
        g.fillOval(width / 2, height / 3, width / 3, height / 2);
        g.setColor(new Color(0x20C040));
        for (int x = 0; x < width; x += 37) {
            g.drawLine(x, 0, x + height / 2, height);
        }
        g.dispose();
        return image;
    }

    private static JpegDecoder open(byte[] jpeg) {
        try {
            return JpegDecoder.open(jpeg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** libjpeg's decoded components before colour conversion (chroma upsampled to full size). */
    private static Raster libjpegComponents(byte[] jpeg) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    private static Plane band(Raster raster, int band) {
        Plane plane = Plane.allocate(raster.getWidth(), raster.getHeight(), 1);
        int[] samples = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), band, (int[]) null);
        for (int i = 0; i < samples.length; i++) {
            plane.samples()[i] = (byte) samples[i];
        }
        return plane;
    }

    private static Plane asPlane(JpegPlane plane) {
        return new Plane(plane.width(), plane.height(), 1, plane.stride(), plane.samples());
    }

    private static double psnr(JpegPlane ours, Plane expected) {
        return psnr(asPlane(ours), expected);
    }

    private static double psnr(Plane a, Plane b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        double squared = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int d = (a.samples()[a.offset() + y * a.stride() + x] & 0xFF) - (b.samples()[b.offset() + y * b.stride() + x] & 0xFF);
                squared += d * d;
            }
        }
        double mse = squared / ((double) a.width() * a.height());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
