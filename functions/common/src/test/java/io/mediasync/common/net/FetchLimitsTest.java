package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchLimitsTest {

    @Test
    void defaults() {
        FetchLimits limits = FetchLimits.defaults();
        assertThat(limits.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limits.maxBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(limits.maxRedirects()).isEqualTo(5);
        assertThat(limits.totalTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void rejectsNonsense() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new FetchLimits(Duration.ZERO, second, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchLimits(second, Duration.ofSeconds(-1), 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchLimits(second, second, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchLimits(second, second, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchLimits(null, second, 1, 0)).isInstanceOf(NullPointerException.class);
    }
}
