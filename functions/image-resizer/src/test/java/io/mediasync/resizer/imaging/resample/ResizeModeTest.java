package io.mediasync.resizer.imaging.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.resizer.imaging.ResizeMode;
import org.junit.jupiter.api.Test;

class ResizeModeTest {

    @Test
    void resizeModeParsesCaseInsensitively() {
        assertThat(ResizeMode.parse("fit")).isEqualTo(ResizeMode.FIT);
        assertThat(ResizeMode.parse(" Fill ")).isEqualTo(ResizeMode.FILL);
        assertThat(ResizeMode.parse("FORCE")).isEqualTo(ResizeMode.FORCE);
        assertThatThrownBy(() -> ResizeMode.parse("stretch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'stretch'").hasMessageContaining("fit, fill, force");
        assertThatThrownBy(() -> ResizeMode.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
