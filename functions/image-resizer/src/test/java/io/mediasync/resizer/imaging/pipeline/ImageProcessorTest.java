package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.ImageFormat;
import io.mediasync.resizer.imaging.ImageInfo;
import io.mediasync.resizer.imaging.ImageRejectedException;
import io.mediasync.resizer.imaging.Rendition;
import io.mediasync.resizer.imaging.ResizeMode;
import io.mediasync.testsupport.TestImages;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renditions' JPEG output, header-only probing, concurrent use and the constructor's checks. */
class ImageProcessorTest extends ImageProcessorFixture {

    // ---- output ---------------------------------------------------------------------------------------------

    @Test
    void outputIsBaselineJfifWithoutExifIccOrComments() throws Exception {
        byte[] profile = ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        byte[] source = JpegBytes.withIccProfile(JpegBytes.withExifOrientation(
                TestImages.jpeg(TestImages.photoLike(300, 200, 2), 0.9f), 1, false), profile);
        source = JpegBytes.withSegment(source, 0xFE, "a comment".getBytes(StandardCharsets.US_ASCII));
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
