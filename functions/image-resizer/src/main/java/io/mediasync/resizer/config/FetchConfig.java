package io.mediasync.resizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits of every download of a URL that came in a message. */
@ConfigMapping(prefix = "mediasync.fetch")
public interface FetchConfig {

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT20S")
    Duration readTimeout();

    /** Largest body accepted, in bytes (default 32 MiB). */
    @WithDefault("33554432")
    long maxBytes();

    @WithDefault("5")
    int maxRedirects();

    /** CIDRs allowed despite the SSRF guard, for local use only (e.g. "127.0.0.0/8,::1/128"). */
    Optional<String> allowCidrs();

    @WithDefault("mediasync-image-resizer/1.0")
    String userAgent();
}
