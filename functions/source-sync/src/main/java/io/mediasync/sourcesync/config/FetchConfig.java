package io.mediasync.sourcesync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits of every request to a source (listings and files): the resizer's settings and defaults. */
@ConfigMapping(prefix = "mediasync.fetch")
public interface FetchConfig {

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Longest silence while waiting for bytes; a whole call is capped at connect + 2 x read. */
    @WithDefault("PT20S")
    Duration readTimeout();

    /** Largest body accepted, listing or file, in bytes (default 32 MiB). */
    @WithDefault("33554432")
    long maxBytes();

    @WithDefault("5")
    int maxRedirects();

    /** CIDRs allowed despite the SSRF guard, for local use only (e.g. "127.0.0.0/8,::1/128"). */
    Optional<String> allowCidrs();

    @WithDefault("mediasync-source-sync/1.0")
    String userAgent();
}
