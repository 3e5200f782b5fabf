package io.mediasync.resizer.imaging.resample;

import io.mediasync.resizer.imaging.ResizeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResizeGeometryTest {

    @ParameterizedTest(name = "{0} {1}x{2} into {3}x{4} -> {5}x{6}, showing {7}x{8}")
    @CsvSource({
            // mode, source, box, output, region shown
            "FIT,   4000, 3000, 800, 800, 800, 600, 4000, 3000",
            "FIT,   3000, 4000, 800, 800, 600, 800, 3000, 4000",
            "FIT,   40,   30,   50,  50,  40,  30,  40,   30",   // never upscaled
            "FIT,   1000, 10,   50,  50,  50,  1,   1000, 10",   // never 0 pixels
            "FILL,  4000, 3000, 800, 800, 800, 800, 3000, 3000",
            "FILL,  3000, 4000, 250, 100, 250, 100, 3000, 1200",
            "FILL,  40,   30,   50,  50,  40,  30,  40,   30",   // smaller than the box: nothing to crop
            "FILL,  100,  30,   50,  50,  50,  30,  50,   30",   // crop what is possible, no upscale
            "FORCE, 4000, 3000, 800, 800, 800, 800, 4000, 3000",
            "FORCE, 40,   30,   50,  50,  50,  50,  40,   30"})  // FORCE means exactly the box
    void sizesAndRegions(ResizeMode mode, int sw, int sh, int bw, int bh, int w, int h, double rw, double rh) {
        ResizeGeometry g = ResizeGeometry.of(mode, sw, sh, bw, bh);
        assertThat(g.width()).isEqualTo(w);
        assertThat(g.height()).isEqualTo(h);
        assertThat(g.regionWidth()).isCloseTo(rw, within(0.01));
        assertThat(g.regionHeight()).isCloseTo(rh, within(0.01));
    }

    @Test
    void regionIsCentred() {
        ResizeGeometry g = ResizeGeometry.of(ResizeMode.FILL, 4000, 3000, 800, 800);
        assertThat(g.regionX(4000)).isCloseTo(500.0, within(0.01));
        assertThat(g.regionY(3000)).isCloseTo(0.0, within(0.01));
    }

    @Test
    void beforeOrientationSwapsAxesOnlyForQuarterTurns() {
        ResizeGeometry g = ResizeGeometry.of(ResizeMode.FILL, 3000, 4000, 250, 100);
        assertThat(g.beforeOrientation(ExifOrientation.RIGHT_TOP)).isEqualTo(new ResizeGeometry(100, 250, 1200, 3000));
        assertThat(g.beforeOrientation(ExifOrientation.BOTTOM_RIGHT)).isEqualTo(g);
    }

    @Test
    void shrinkOnLoadSubsamplesOnlyOverTheBudgetAndKeepsTwiceTheLargestBox() {
        var largest = ResizeGeometry.of(ResizeMode.FIT, 8660, 5773, 800, 800); // 50 MP -> 800x533
        var small = ResizeGeometry.of(ResizeMode.FIT, 8660, 5773, 50, 50);
        // under the budget: no subsampling at all (the box reducer averages instead)
        assertThat(ShrinkOnLoad.decoderSubsampling(8660, 5773, java.util.List.of(largest, small), 60_000_000)).isEqualTo(1);
        // over it: the smallest factor that fits (2 -> 12.5 MP)...
        assertThat(ShrinkOnLoad.decoderSubsampling(8660, 5773, java.util.List.of(largest, small), 24_000_000)).isEqualTo(2);
        // ...but never below 2x the largest box (5773 / 3 = 1924 >= 2 * 533; / 6 would not be)
        assertThat(ShrinkOnLoad.decoderSubsampling(8660, 5773, java.util.List.of(largest, small), 1_000_000)).isEqualTo(5);
        assertThat(ShrinkOnLoad.reduceFactor(5773, 533)).isEqualTo(5);
        assertThat(ShrinkOnLoad.reduceFactor(1000, 800)).isEqualTo(1);
    }
}
