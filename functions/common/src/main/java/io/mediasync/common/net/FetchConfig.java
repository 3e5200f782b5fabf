package io.mediasync.common.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every download of a URL that came from outside (an order's image, a source's feed and files):
 * {@code mediasync.fetch.*}, each default written once here with its
 * variable (FETCH_*); the user agent, the function's own, in its application.properties.
 */
@ConfigMapping(prefix = "mediasync.fetch")
public interface FetchConfig {

    @WithDefault("${FETCH_CONNECT_TIMEOUT:PT5S}")
    Duration connectTimeout();

    /** Longest silence while waiting for bytes; a whole call is capped at connect + 2 x read. */
    @WithDefault("${FETCH_READ_TIMEOUT:PT20S}")
    Duration readTimeout();

    /** Largest body accepted, in bytes. */
    @WithDefault("${FETCH_MAX_BYTES:33554432}")
    long maxBytes();

    @WithDefault("${FETCH_MAX_REDIRECTS:5}")
    int maxRedirects();

    /** FETCH_ALLOW_CIDRS: networks allowed despite the SSRF guard, every port of them (e.g. "10.0.0.0/8"); none by default. */
    @WithDefault("${FETCH_ALLOW_CIDRS:}")
    Optional<String> allowCidrs();

    /**
     * FETCH_ALLOW_ORIGINS: single servers allowed despite the SSRF guard, IP:port (e.g. "127.0.0.1:9001,[::1]:9001"),
     * other ports of the same address staying refused; none by default. The local runtime sets its image server's.
     */
    @WithDefault("${FETCH_ALLOW_ORIGINS:}")
    Optional<String> allowOrigins();

    String userAgent();

    /** The guard these settings describe. */
    static AddressPolicy policy(FetchConfig config) {
        return AddressPolicy.fromSettings(config.allowCidrs().orElse(""), config.allowOrigins().orElse(""));
    }

    /** A client with these settings, waiting at most {@code readTimeout} for bytes (postbacks have their own). */
    static SafeHttpClient client(FetchConfig config, Duration readTimeout) {
        return client(config, readTimeout, HostResolver.system());
    }

    /** The same, names resolved by {@code resolver} (tests map names to loopback, never asking DNS). */
    static SafeHttpClient client(FetchConfig config, Duration readTimeout, HostResolver resolver) {
        return new SafeHttpClient(policy(config), resolver,
                new FetchLimits(config.connectTimeout(), readTimeout, config.maxBytes(), config.maxRedirects()), config.userAgent());
    }
}
