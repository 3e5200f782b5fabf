package io.mediasync.resizer.imaging.pipeline;

import io.mediasync.common.images.SizeSpec;
import io.mediasync.resizer.imaging.OutputFormat;
import io.mediasync.resizer.imaging.ProcessedImage;
import io.mediasync.resizer.imaging.ResizeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class HotPathWarmUpTest {

    private static final List<SizeSpec> SIZES = SizeSpec.parseList(SizeSpec.DEFAULT_LIST);
    private final ImageProcessor processor = new ImageProcessor(50_000_000L, ResizeMode.FIT, 0.85f);

    @Test
    void primingRunsEveryBundledImageToEverySizeUntilTheRoundTimesAreSteady() throws Exception {
        HotPathWarmUp.Result result = HotPathWarmUp.untilSteady(processor, SIZES, Set.of(OutputFormat.JPEG), Duration.ofMinutes(2));

        assertThat(result.steady()).as("steady within the budget").isTrue();
        assertThat(result.rounds()).isGreaterThanOrEqualTo(HotPathWarmUp.MIN_ROUNDS);
        // the JPEG photo, large cover and cover and the PNG logo, each to the three sizes, every round
        assertThat(result.renditions()).isEqualTo(result.rounds() * 4 * 3);
    }

    @Test
    void theBundledImagesTakeEveryDecodePathOfAJpegOrPngOrder() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String sample : HotPathWarmUp.SAMPLES) {
            ProcessedImage image = processor.process(HotPathWarmUp.bundled(sample), SIZES);
            paths.add(image.format() + " " + image.decodePath());
        }

        // planes (the photo), pixels through a reduced DCT scale (a cover over 2x the largest box), ImageIO (a cover at
        // full size), the PNG decoder: what a restored container would otherwise meet cold
        assertThat(paths).containsExactly("JPEG PLANES", "JPEG PIXELS", "JPEG IMAGEIO", "PNG PIXELS");
    }

    @Test
    void aSpentBudgetStopsPrimingBeforeAnyRound() throws Exception {
        HotPathWarmUp.Result result = HotPathWarmUp.untilSteady(processor, SIZES, Set.of(OutputFormat.JPEG), Duration.ZERO);

        assertThat(result.rounds()).isZero();
        assertThat(result.steady()).isFalse();
    }
}
