package io.mediasync.resizer.imaging.webp;

import io.mediasync.resizer.imaging.webp.Pictures.Alpha;
import io.mediasync.resizer.imaging.webp.Pictures.Content;
import io.mediasync.resizer.imaging.webp.Pictures.Picture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of sizes (one pixel, odd, not multiples of 16, thumbnail sizes), contents (flat, gradient, noise,
 * photo-like), alpha kinds and qualities, each encoding checked by {@link Conformance}: exact decodes by dwebp
 * where installed and by TwelveMonkeys' reader everywhere.
 */
class WebpConformanceTest {

    private static final int[][] SIZES = {{1, 1}, {1, 2}, {2, 1}, {3, 3}, {7, 5}, {15, 17}, {16, 16}, {17, 16},
            {16, 17}, {31, 33}, {33, 31}, {50, 38}, {50, 50}, {64, 48}, {100, 75}};
    private static final int[] QUALITIES = {0, 5, 25, 50, 75, 90, 100};

    @TestFactory
    Stream<DynamicTest> corpus() {
        List<DynamicTest> tests = new ArrayList<>();
        Content[] contents = Content.values();
        Alpha[] alphas = Alpha.values();
        int k = 0;
        for (int[] size : SIZES) {
            for (Content content : contents) {
                // every size meets every content, and alpha kinds and qualities in turn across them
                Alpha alpha = alphas[k % alphas.length];
                int quality = QUALITIES[k % QUALITIES.length];
                Picture picture = Pictures.make(content, alpha, size[0], size[1], k);
                tests.add(DynamicTest.dynamicTest(picture + " q" + quality, () -> Conformance.check(picture, quality)));
                k++;
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyQualityOnAThumbnail() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int quality = 0; quality <= 100; quality += 10) {
            int q = quality;
            Picture picture = Pictures.make(Content.PHOTO, q % 20 == 0 ? Alpha.NONE : Alpha.SOFT_EDGE, 83, 61, q);
            tests.add(DynamicTest.dynamicTest(picture + " q" + q, () -> Conformance.check(picture, q)));
        }
        return tests.stream();
    }

    @Test
    void renditionSizes() {
        Conformance.check(Pictures.make(Content.PHOTO, Alpha.NONE, 250, 188, 7), 80);
        Conformance.check(Pictures.make(Content.PHOTO, Alpha.SHAPE, 800, 600, 8), 75);
    }

    @Test
    void theSkipFlagsAndSegmentsAreExercised() {
        // a flat picture beside a noisy one: empty macroblocks (skipped) and several segments in one frame
        Picture flat = Pictures.make(Content.FLAT, Alpha.NONE, 64, 64, 3);
        Picture noise = Pictures.make(Content.NOISE, Alpha.NONE, 64, 64, 4);
        byte[] bgr = new byte[128 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            System.arraycopy(flat.bgr(), y * flat.stride(), bgr, y * 128 * 3, 64 * 3);
            System.arraycopy(noise.bgr(), y * noise.stride(), bgr, y * 128 * 3 + 64 * 3, 64 * 3);
        }
        Picture both = new Picture(128, 64, bgr, 128 * 3, null, "flat beside noise");
        WebpEncoder.Encoded encoded = new WebpEncoder(60, Tuning.DEFAULT, true)
                .encodeFrame(128, 64, bgr, 128 * 3, null, false);
        assertThat(encoded.frame().segments.length).as("segments").isGreaterThan(1);
        int empty = 0;
        for (boolean e : encoded.frame().empty) {
            empty += e ? 1 : 0;
        }
        assertThat(empty).as("empty macroblocks").isGreaterThan(0);
        Conformance.check(both, 60);
    }
}
