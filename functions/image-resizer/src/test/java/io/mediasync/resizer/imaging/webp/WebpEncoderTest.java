package io.mediasync.resizer.imaging.webp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public API's contract: what it refuses, and that it keeps nothing from one call to the next. */
class WebpEncoderTest {

    @Test
    void refusesWhatItCannotEncode() {
        byte[] pixels = new byte[3 * 4 * 4];
        assertThatThrownBy(() -> new WebpEncoder(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebpEncoder(-1)).isInstanceOf(IllegalArgumentException.class);
        WebpEncoder encoder = new WebpEncoder(75);
        assertThatThrownBy(() -> encoder.encode(0, 4, pixels, 12, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(16384, 1, new byte[16384 * 3], 16384 * 3, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(4, 4, pixels, 11, null)).as("stride below a row")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(4, 5, pixels, 12, null)).as("rows missing")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(4, 4, pixels, 12, new byte[15])).as("alpha too short")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameInputGivesTheSameFileEveryTime() {
        Pictures.Picture picture = Pictures.make(Pictures.Content.PHOTO, Pictures.Alpha.SOFT_EDGE, 67, 45, 9);
        WebpEncoder encoder = new WebpEncoder(80);
        byte[] first = encoder.encode(picture.width(), picture.height(), picture.bgr(), picture.stride(), picture.alpha());
        encoder.encode(30, 20, Pictures.make(Pictures.Content.NOISE, Pictures.Alpha.NONE, 30, 20, 1).bgr(), 90, null);
        byte[] again = new WebpEncoder(80).encode(picture.width(), picture.height(), picture.bgr(), picture.stride(),
                picture.alpha());
        assertThat(again).isEqualTo(first);
        assertThat(encoder.encode(picture.width(), picture.height(), picture.bgr(), picture.stride(), picture.alpha()))
                .isEqualTo(first);
    }

    @Test
    void theFileIsTheSameWhetherOrNotTheReconstructionIsAskedFor() {
        // encode() skips the loop filter, which only the reconstruction needs: the bytes must not notice
        for (int quality : new int[] {10, 75, 100}) {
            Pictures.Picture picture = Pictures.make(Pictures.Content.PHOTO, Pictures.Alpha.NONE, 83, 61, quality);
            WebpEncoder encoder = new WebpEncoder(quality);
            byte[] file = encoder.encode(picture.width(), picture.height(), picture.bgr(), picture.stride(), null);
            WebpEncoding withReconstruction = encoder.encodeWithReconstruction(picture.width(), picture.height(),
                    picture.bgr(), picture.stride(), null);
            assertThat(file).as("q" + quality).isEqualTo(withReconstruction.file());
        }
    }
}
