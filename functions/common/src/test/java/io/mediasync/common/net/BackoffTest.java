package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void exponentialWithJitterAndCap() {
        for (int i = 0; i < 20; i++) {
            assertThat(backoff.delay(1, Optional.empty())).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(backoff.delay(3, Optional.empty())).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        }
        assertThat(backoff.delay(30, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterWinsWhenLongerButIsCapped() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        Instant now = Instant.parse("2024-01-01T10:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 01 Jan 2024 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 01 Jan 2024 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
