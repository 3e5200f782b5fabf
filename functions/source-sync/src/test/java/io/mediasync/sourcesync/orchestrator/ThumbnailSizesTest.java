package io.mediasync.sourcesync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.images.SizeSpec;
import org.junit.jupiter.api.Test;

class ThumbnailSizesTest {

    static final String SHA = "975bfd4caa0d11ebb394f36767fff8ec" + "0".repeat(32);

    @Test
    void labelsAndKeysFollowTheResizer() {
        assertThat(ThumbnailSizes.parse(SizeSpec.DEFAULT_LIST).keys("source-7", SHA)).containsExactly(
                "images-resized/source-7/975bfd4caa0d11ebb394f36767fff8ec_50x50.jpeg",
                "images-resized/source-7/975bfd4caa0d11ebb394f36767fff8ec_250x250.jpeg",
                "images-resized/source-7/975bfd4caa0d11ebb394f36767fff8ec_800x800.jpeg");
        assertThat(ThumbnailSizes.parse("50x50").keys("source-7", SHA, java.util.List.of("jpeg", "webp"))).containsExactly(
                "images-resized/source-7/975bfd4caa0d11ebb394f36767fff8ec_50x50.jpeg",
                "images-resized/source-7/975bfd4caa0d11ebb394f36767fff8ec_50x50.webp");
        assertThat(ThumbnailSizes.parse("50x50, 250X250=250x250 ,thumb=100x100").labels())
                .containsExactly("50x50", "250X250", "thumb");
    }

    @Test
    void badListsFailFast() {
        assertThatThrownBy(() -> ThumbnailSizes.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThumbnailSizes.parse("50x50,,80x80")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThumbnailSizes.parse("big")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThumbnailSizes.parse("a=1x1,a=2x2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ThumbnailSizes.parse("../x=1x1")).isInstanceOf(IllegalArgumentException.class);
        // the resizer's own grammar: a list it would refuse at start-up is refused here too
        assertThatThrownBy(() -> ThumbnailSizes.parse("0x50")).hasMessageContaining("'0x50'");
        assertThatThrownBy(() -> ThumbnailSizes.parse("99999x10")).hasMessageContaining("'99999x10'");
    }
}
