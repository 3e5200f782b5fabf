package io.mediasync.resizer.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.mediasync.resizer.imaging.TestImages.decode;
import static io.mediasync.resizer.imaging.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageProcessorTest {

    private static final long FIFTY_MP = 50_000_000L;
    private static final List<SizeSpec> STANDARD = SizeSpec.parseList("50x50,250x250,800x800");

    private final ImageProcessor fit = new ImageProcessor(FIFTY_MP, ResizeMode.FIT, 0.85f);

    private static void assertColour(int[] rgb, int r, int g, int b, int tolerance) {
        assertThat(rgb[0]).as("red of %s", Arrays.toString(rgb)).isBetween(r - tolerance, r + tolerance);
        assertThat(rgb[1]).as("green of %s", Arrays.toString(rgb)).isBetween(g - tolerance, g + tolerance);
        assertThat(rgb[2]).as("blue of %s", Arrays.toString(rgb)).isBetween(b - tolerance, b + tolerance);
    }

    private static void assertRed(int[] rgb) {
        assertThat(rgb[0]).as("red of %s", Arrays.toString(rgb)).isGreaterThan(200);
        assertThat(rgb[1]).as("green of %s", Arrays.toString(rgb)).isLessThan(60);
        assertThat(rgb[2]).as("blue of %s", Arrays.toString(rgb)).isLessThan(60);
    }

    private static BufferedImage only(ProcessedImage result) {
        assertThat(result.renditions()).hasSize(1);
        return decode(result.renditions().get(0).jpeg());
    }

    /** Bytes this thread has allocated so far: the difference across a call bounds its memory. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private ImageRejectedException rejection(ImageProcessor processor, byte[] source) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> processor.process(source, STANDARD));
        assertThat(thrown).isInstanceOf(ImageRejectedException.class);
        return (ImageRejectedException) thrown;
    }

    // ---- every format decodes and produces every size -------------------------------------------------------

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

    // ---- colour ---------------------------------------------------------------------------------------------

    @Test
    void cmykJpegRedPatchComesOutRed() throws Exception {
        BufferedImage out = only(fit.process(TestImages.fixture("cmyk-red-patch.jpg"), List.of(new SizeSpec("s", 64, 64))));
        assertRed(rgbAt(out, 32, 32));
        assertColour(rgbAt(out, 3, 3), 255, 255, 255, 12); // C=M=Y=K=0 is paper white
    }

    @Test
    void ycckJpegComesOutRed() throws Exception {
        byte[] ycck = TestImages.ycckJpeg(64, 64, 0, 255, 255, 0);
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
        byte[] jpeg = TestImages.withIccProfile(TestImages.jpeg(TestImages.solid(64, 64, adobe), 0.95f), profile);
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

    // ---- orientation ----------------------------------------------------------------------------------------

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
        byte[] source = TestImages.withExifOrientation(TestImages.jpeg(stored, 0.95f), orientation, bigEndian);
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

    // ---- resize modes ---------------------------------------------------------------------------------------

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
        BufferedImage small = decode(TestImages.greyJpeg(70, 45)); // the hand-made file is one ImageIO reads too
        assertThat(small.getWidth()).isEqualTo(70);
        assertColour(rgbAt(small, 69, 44), 128, 128, 128, 0);
        byte[] jpeg = TestImages.greyJpeg(8660, 5773);
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

    // ---- output ---------------------------------------------------------------------------------------------

    @Test
    void outputIsBaselineJfifWithoutExifIccOrComments() throws Exception {
        byte[] profile = ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        byte[] source = TestImages.withIccProfile(TestImages.withExifOrientation(
                TestImages.jpeg(TestImages.photoLike(300, 200, 2), 0.9f), 1, false), profile);
        source = TestImages.withSegment(source, 0xFE, "a comment".getBytes(StandardCharsets.US_ASCII));
        assertThat(JpegMarkers.headerSegments(source)).extracting(JpegMarkers.Segment::marker).contains(0xE1, 0xE2, 0xFE);

        for (Rendition r : fit.process(source, STANDARD).renditions()) {
            List<JpegMarkers.Segment> segments = JpegMarkers.headerSegments(r.jpeg());
            List<Integer> markers = segments.stream().map(JpegMarkers.Segment::marker).toList();
            assertThat(markers).doesNotContain(0xE1, 0xE2, 0xFE, 0xED, 0xEE);   // no EXIF/XMP, ICC, comment, IPTC, Adobe
            assertThat(markers).contains(0xC0).doesNotContain(0xC2);            // baseline, not progressive
            assertThat(segments.get(0).marker()).isEqualTo(0xE0);
            assertThat(segments.get(0).identifier()).isEqualTo("JFIF");
            assertThat(JpegMarkers.endsWithEoi(r.jpeg())).isTrue();
            byte[] sof = segments.stream().filter(s -> s.marker() == 0xC0).findFirst().orElseThrow().payload();
            assertThat(sof[5]).as("3 components").isEqualTo((byte) 3);
            assertThat(sof[7]).as("luma sampling 2x2 = 4:2:0").isEqualTo((byte) 0x22);
        }
    }

    @Test
    void qualitySettingChangesTheOutputSize() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(800, 600, 3), 0.95f);
        List<SizeSpec> one = List.of(new SizeSpec("s", 400, 400));
        int low = new ImageProcessor(FIFTY_MP, ResizeMode.FIT, 0.5f).process(source, one).renditions().get(0).jpeg().length;
        int high = new ImageProcessor(FIFTY_MP, ResizeMode.FIT, 0.95f).process(source, one).renditions().get(0).jpeg().length;
        assertThat(high).isGreaterThan(low * 3 / 2);
    }

    // ---- rejections -----------------------------------------------------------------------------------------

    @Test
    void sixtyMegapixelPngIsRejectedFromItsHeaderWithoutDecoding() {
        byte[] png = TestImages.blackPng(7746, 7746);
        assertThat(png.length).isLessThan(200_000); // tiny file, huge image
        long allocatedBefore = allocatedBytes();
        long start = System.nanoTime();
        ImageRejectedException e = rejection(fit, png);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedBytes() - allocatedBefore;
        assertThat(e.code()).isEqualTo("too_many_pixels");
        assertThat(e.reason()).isEqualTo("image is 7746x7746 = 60.0 MP, over the 50.0 MP limit");
        assertThat(millis).as("ms to reject").isLessThan(500);
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

    @Test
    void truncatedBaselineJpegIsCorrupt() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(400, 300, 4), 0.9f);
        ImageRejectedException e = rejection(fit, Arrays.copyOf(jpeg, jpeg.length / 2));
        assertThat(e.code()).isEqualTo("corrupt_image");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    void truncatedProgressiveJpegIsCorrupt() {
        byte[] jpeg = TestImages.fixture("progressive.jpg");
        assertThat(rejection(fit, Arrays.copyOf(jpeg, jpeg.length * 2 / 3)).code()).isEqualTo("corrupt_image");
    }

    @Test
    void jpegCutInsideItsHeaderIsCorrupt() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(40, 30, 5), 0.9f);
        assertThat(rejection(fit, Arrays.copyOf(jpeg, 100)).code()).isEqualTo("corrupt_image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "webp"})
    void truncatedOtherFormatsAreCorrupt(String kind) {
        byte[] whole = switch (kind) {
            case "png" -> TestImages.png(TestImages.photoLike(300, 200, 6));
            case "gif" -> TestImages.fixture("two-frames.gif");
            case "bmp" -> TestImages.fixture("halves.bmp");
            default -> TestImages.fixture("lossy.webp");
        };
        ImageRejectedException e = rejection(fit, Arrays.copyOf(whole, whole.length / 2));
        assertThat(e.code()).isEqualTo("corrupt_image");
    }

    @Test
    void htmlIsNotAnImage() {
        ImageRejectedException e = rejection(fit,
                "<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(e.code()).isEqualTo("not_an_image");
        assertThat(e.reason()).contains("HTML");
    }

    @Test
    void emptyAndTextAreNotImages() {
        assertThat(rejection(fit, new byte[0]).code()).isEqualTo("not_an_image");
        assertThat(rejection(fit, new byte[0]).reason()).isEqualTo("the data is empty");
        assertThat(rejection(fit, "just some text".getBytes(StandardCharsets.UTF_8)).reason()).contains("text");
    }

    @Test
    void knownButUnsupportedContainersAreUnsupported() {
        byte[] tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 0, 0};
        ImageRejectedException e = rejection(fit, tiff);
        assertThat(e.code()).isEqualTo("unsupported_format");
        assertThat(e.reason()).startsWith("TIFF");
    }

    // ---- probe and concurrency ------------------------------------------------------------------------------

    @Test
    void probeReadsHeaderOnlyAndAppliesNoLimit() throws Exception {
        assertThat(fit.probe(TestImages.blackPng(7746, 7746))).isEqualTo(new ImageInfo(ImageFormat.PNG, 7746, 7746));
        assertThat(fit.probe(TestImages.fixture("lossy.webp"))).isEqualTo(new ImageInfo(ImageFormat.WEBP, 80, 60));
        assertThat(fit.probe(TestImages.fixture("two-frames.gif"))).isEqualTo(new ImageInfo(ImageFormat.GIF, 40, 30));
        assertThatThrownBy(() -> fit.probe("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageRejectedException.class)
                .extracting(e -> ((ImageRejectedException) e).code()).isEqualTo("not_an_image");
    }

    @Test
    void oneProcessorServesConcurrentCallers() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(640, 480, 8), 0.9f);
        byte[] png = TestImages.png(TestImages.redCorner(500, 400));
        byte[] expectedJpeg = fit.process(jpeg, STANDARD).renditions().get(1).jpeg();
        byte[] expectedPng = fit.process(png, STANDARD).renditions().get(1).jpeg();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] source = i % 2 == 0 ? jpeg : png;
                futures.add(pool.submit(() -> fit.process(source, STANDARD).renditions().get(1).jpeg()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(i % 2 == 0 ? expectedJpeg : expectedPng);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> fit.process(new byte[0], List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageProcessor(0, ResizeMode.FIT, 0.85f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageProcessor(FIFTY_MP, ResizeMode.FIT, 1.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageProcessor(FIFTY_MP, ResizeMode.FIT, -0.1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageProcessor(FIFTY_MP, ResizeMode.FIT, Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageProcessor(FIFTY_MP, null, 0.85f)).isInstanceOf(NullPointerException.class);
    }
}
