package io.mediasync.sourcesync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Manners towards the hosts we download from: concurrency, pace and retries. */
@ConfigMapping(prefix = "mediasync.net")
public interface NetConfig {

    /** Requests in flight to one host at a time. */
    @WithDefault("${HOST_MAX_CONCURRENCY:2}")
    int hostMaxConcurrency();

    /** Least time between the starts of two requests to one host. */
    @WithDefault("${HOST_MIN_INTERVAL:PT0.2S}")
    Duration hostMinInterval();

    /** Retries of a request answered 5xx, 408 or 429 (timeouts and network errors are left to SQS). */
    @WithDefault("${FETCH_RETRIES:3}")
    int retries();

    /** First backoff; doubled on every retry, with jitter. */
    @WithDefault("${FETCH_BACKOFF_BASE:PT0.5S}")
    Duration backoffBase();

    /** Longest wait before a retry, whatever Retry-After asks for. */
    @WithDefault("${FETCH_BACKOFF_CAP:PT30S}")
    Duration backoffCap();
}
