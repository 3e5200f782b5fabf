package io.mediasync.common.net;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/**
 * Every download of a URL that came from outside (an order's image, a source's feed and files):
 * {@code mediasync.fetch.*}, each default written in the function's application.properties (FETCH_*).
 */
@ConfigMapping(prefix = "mediasync.fetch")
public interface FetchConfig {

    Duration connectTimeout();

    /** Longest silence while waiting for bytes; a whole call is capped at connect + 2 x read. */
    Duration readTimeout();

    /** Largest body accepted, in bytes. */
    long maxBytes();

    int maxRedirects();

    /** FETCH_ALLOW_CIDRS: networks allowed despite the SSRF guard, every port of them (e.g. "10.0.0.0/8"); none by default. */
    Optional<String> allowCidrs();

    /**
     * FETCH_ALLOW_ORIGINS: single servers allowed despite the SSRF guard, IP:port (e.g. "127.0.0.1:9001,[::1]:9001"),
     * other ports of the same address staying refused; none by default. The local runtime sets its image server's.
     */
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
