package io.mediasync.sourcesync.scheduler;

import io.mediasync.common.hash.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleWindowTest {

    @Test
    void oneIndexPerWindow() {
        ScheduleWindow hourly = new ScheduleWindow(3600);
        assertThat(hourly.index(Instant.parse("2024-01-01T10:00:00Z"))).isEqualTo(hourly.index(Instant.parse("2024-01-01T10:59:59Z")));
        assertThat(hourly.index(Instant.parse("2024-01-01T11:00:00Z")))
                .isEqualTo(hourly.index(Instant.parse("2024-01-01T10:00:00Z")) + 1);
        assertThatThrownBy(() -> new ScheduleWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dedupIdIsSha256OfSourceUrlAndWindow() {
        assertThat(ScheduleWindow.dedupId(77735, "https://u", 473_000))
                .isEqualTo(Sha256.hex("77735https://u473000")).hasSize(64);
        assertThat(ScheduleWindow.dedupId(77735, "https://u", 473_001)).isNotEqualTo(ScheduleWindow.dedupId(77735, "https://u", 473_000));
    }
}
