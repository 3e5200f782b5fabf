package io.mediasync.resizer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How results are posted back. */
@ConfigMapping(prefix = "mediasync.postback")
public interface PostbackConfig {

    /** Standard Webhooks secrets "whsec_...", comma-separated; the first signs, all sign during a rotation. */
    Optional<String> secrets();

    /** When set, the seed's body field postback_secret_key is added with this value, for old receivers. */
    Optional<String> legacySecretKey();

    @WithDefault("PT10S")
    Duration timeout();
}
