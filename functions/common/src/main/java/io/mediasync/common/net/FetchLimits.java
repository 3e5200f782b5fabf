package io.mediasync.common.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for one {@link SafeHttpClient} call.
 *
 * @param connectTimeout how long a TCP connect may take
 * @param readTimeout    longest silence while waiting for response bytes
 * @param maxBytes       largest response body accepted
 * @param maxRedirects   redirects followed before giving up
 */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {

    private static final FetchLimits DEFAULTS =
            new FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(20), 32L * 1024 * 1024, 5);

    public FetchLimits {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    /** 5 s connect, 20 s read, 32 MiB, 5 redirects. */
    public static FetchLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The cap on a whole call, redirects included: connect timeout plus twice the read timeout.
     * The read timeout alone only bounds silence, so a server dribbling one byte at a time could
     * otherwise hold a call forever.
     */
    public Duration totalTimeout() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
