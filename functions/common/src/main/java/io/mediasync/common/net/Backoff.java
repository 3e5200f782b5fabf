package io.mediasync.common.net;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter; a server's Retry-After wins when it asks for longer; never above the cap. */
public record Backoff(Duration base, Duration cap) {

    /** The wait before retry number {@code retry} (1 = the first retry). */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        long baseMillis = Math.max(1, base.toMillis());
        long exponential = baseMillis << Math.min(20, Math.max(0, retry - 1));
        // "equal jitter": half fixed, half random, so parallel clients spread out
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long wanted = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
        return Duration.ofMillis(Math.min(wanted, cap.toMillis()));
    }
}
