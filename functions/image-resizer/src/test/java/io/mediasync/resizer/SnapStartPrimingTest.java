package io.mediasync.resizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.resizer.Producers.OutputSizes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;
    @Inject
    OutputSizes sizes;

    @Test
    void primingResizesTheSampleToEverySizeWithoutTheNetwork() {
        // the test's connect guard would fail any non-loopback connect; priming makes none at all
        assertThat(priming.prime(3)).isEqualTo(3 * sizes.sizes().size());
    }

    @Test
    void theSnapshotsPrimingRunsTheHotPathWithItsConfiguredBudgetAndNoNetwork() {
        // what Lambda calls before the snapshot: the order path and HotPathWarmUp on the bundled images
        priming.beforeCheckpoint(null);
    }
}
