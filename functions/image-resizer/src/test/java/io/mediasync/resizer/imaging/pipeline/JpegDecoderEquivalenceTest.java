package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.resizer.imaging.decode.ImageDecoder;
import io.mediasync.resizer.imaging.pixels.RgbImage;
import io.mediasync.resizer.imaging.resample.BoxReducer;
import io.mediasync.resizer.imaging.resample.ResizeGeometry;
import io.mediasync.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in JPEG decoder against ImageIO (libjpeg) over a corpus the test writes itself: every sampling layout,
 * baseline and progressive, with and without restart intervals, grey, Adobe RGB, CMYK and YCCK.
 */
class JpegDecoderEquivalenceTest {

    private static final List<JpegCorpus.Entry> CORPUS = JpegCorpus.all();

    static List<JpegCorpus.Entry> corpus() {
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void fullSizeDecodeMatchesImageIo(JpegCorpus.Entry entry) throws Exception {
        RgbImage ours = decode(entry.jpeg(), true, 1);
        RgbImage imageIo = decode(entry.jpeg(), false, 1);
        assertThat(ours.width()).isEqualTo(imageIo.width());
        assertThat(ours.height()).isEqualTo(imageIo.height());
        assertThat(psnr(ours, imageIo)).as("PSNR (dB) against ImageIO").isGreaterThanOrEqualTo(45);
    }

    /**
     * Decoding at 1/n is an n x n box average of the full decode. Two known departures: a layout whose ratios are
     * not powers of two (3 luma samples per chroma sample) has its chroma replicated rather than averaged; and CMYK
     * is averaged before its (non-linear) conversion to RGB rather than after. Both are close, not equal.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reducedScalesAreTheBoxAverageOfTheFullDecode(JpegCorpus.Entry entry) throws Exception {
        RgbImage full = decode(entry.jpeg(), false, 1);
        double minimum = entry.name().startsWith("3x1") ? 30 : entry.name().matches("(CMYK|YCCK).*") ? 35 : 45;
        for (int denominator : new int[] {2, 4, 8}) {
            RgbImage ours = decode(entry.jpeg(), true, denominator);
            assertThat(ours.width()).isEqualTo(BoxReducer.ceilDiv(full.width(), denominator));
            assertThat(ours.height()).isEqualTo(BoxReducer.ceilDiv(full.height(), denominator));
            double psnr = psnr(ours, BoxReducer.reduce(full, denominator, denominator));
            assertThat(psnr).as("PSNR (dB) at 1/%d against the box-reduced ImageIO decode", denominator)
                    .isGreaterThanOrEqualTo(minimum);
        }
    }

    @Test
    void corpusHoldsWhatItsNamesSay() {
        for (JpegCorpus.Entry entry : CORPUS) {
            List<JpegMarkers.Segment> header = JpegMarkers.headerSegments(entry.jpeg());
            List<Integer> markers = header.stream().map(JpegMarkers.Segment::marker).toList();
            assertThat(markers).as(entry.name()).contains(entry.name().contains("progressive") ? 0xC2 : 0xC0);
            if (entry.name().contains("restart")) {
                assertThat(markers).as(entry.name()).contains(0xDD);
                assertThat(JpegCorpus.restartMarkers(entry.jpeg())).as(entry.name()).isGreaterThan(10);
            }
            for (int[][] sampling : JpegCorpus.SAMPLINGS) {
                if (entry.name().startsWith(JpegCorpus.samplingName(sampling) + " ")) {
                    byte[] sof = header.stream().filter(s -> s.marker() == 0xC0 || s.marker() == 0xC2).findFirst()
                            .orElseThrow().payload();
                    for (int c = 0; c < 3; c++) {
                        assertThat(sof[7 + 3 * c]).as(entry.name()).isEqualTo((byte) (sampling[c][0] << 4 | sampling[c][1]));
                    }
                }
            }
        }
    }

    @Test
    void wholePipelineGivesTheSameRenditionsAsImageIo() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(1600, 1200, 21), 0.9f);
        List<SizeSpec> sizes = SizeSpec.parseList("50x50,250x250,500x500"); // decoded at 1/2
        try (ImageDecoder decoder = ImageDecoder.open(source, true, Long.MAX_VALUE)) {
            assertThat(decoder.decode(sizes.stream().map(s -> ResizeGeometry.of(ResizeMode.FIT, 1600, 1200, s.width(), s.height()))
                    .toList(), ImageProcessor.DEFAULT_MAX_DECODED_PIXELS).factor()).isEqualTo(2);
        }
        ProcessedImage ours = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, ResizeMode.FIT, 0.95f, true)
                .process(source, sizes);
        ProcessedImage before = new ImageProcessor(50_000_000, ImageProcessor.DEFAULT_MAX_DECODED_PIXELS, ResizeMode.FIT, 0.95f, false)
                .process(source, sizes);
        for (int i = 0; i < sizes.size(); i++) {
            BufferedImage a = TestImages.decode(ours.renditions().get(i).jpeg());
            BufferedImage b = TestImages.decode(before.renditions().get(i).jpeg());
            assertThat(psnr(RgbImage.wrapPacked(a), RgbImage.wrapPacked(b))).as(sizes.get(i).label()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void jpegNeededAtFullSizeIsDecodedByImageIoAsBefore() throws Exception {
        byte[] source = TestImages.jpeg(TestImages.photoLike(700, 500, 22), 0.9f);
        try (ImageDecoder decoder = ImageDecoder.open(source, true, Long.MAX_VALUE)) {
            ImageDecoder.Decoded decoded = decoder.decode(List.of(ResizeGeometry.of(ResizeMode.FIT, 700, 500, 600, 600)),
                    ImageProcessor.DEFAULT_MAX_DECODED_PIXELS);
            assertThat(decoded.factor()).isEqualTo(1);
            assertThat(decoded.builtIn()).as("decoded by the built-in decoder").isFalse();
        }
        try (ImageDecoder decoder = ImageDecoder.open(source, true, Long.MAX_VALUE)) {
            ImageDecoder.Decoded decoded = decoder.decode(List.of(ResizeGeometry.of(ResizeMode.FIT, 700, 500, 200, 200)),
                    ImageProcessor.DEFAULT_MAX_DECODED_PIXELS);
            assertThat(decoded.factor()).isEqualTo(2);
            assertThat(decoded.builtIn()).as("decoded by the built-in decoder").isTrue();
        }
    }

    private static RgbImage decode(byte[] jpeg, boolean builtIn, int denominator) throws ImageRejectedException {
        try (ImageDecoder decoder = ImageDecoder.open(jpeg, builtIn, Long.MAX_VALUE)) {
            assertThat(decoder.reducesExactly()).as("decoded by the built-in decoder").isEqualTo(builtIn);
            ImageDecoder.Decoded decoded = decoder.decode(denominator, () -> 1);
            assertThat(decoded.builtIn()).isEqualTo(builtIn);
            assertThat(decoded.factor()).isEqualTo(builtIn ? denominator : 1);
            return decoded.rgb();
        }
    }

    static double psnr(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        byte[] x = a.bgr();
        byte[] y = b.bgr();
        double squared = 0;
        int n = a.width() * a.height() * RgbImage.CHANNELS;
        for (int i = 0; i < n; i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            squared += d * d;
        }
        return squared == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * n / squared);
    }
}
