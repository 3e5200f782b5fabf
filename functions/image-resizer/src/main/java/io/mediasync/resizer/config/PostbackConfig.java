package io.mediasync.resizer.config;

import io.mediasync.common.config.SharedDefaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How results are posted back. */
@ConfigMapping(prefix = "mediasync.postback")
public interface PostbackConfig {

    /** POSTBACK_SECRET: the master Standard Webhooks secret(s) "whsec_...": each receiver's own secret is derived from it and its origin. */
    @WithDefault(SharedDefaults.POSTBACK_SECRET)
    Optional<String> secrets();

    /** POSTBACK_SECRET_ARN: the Secrets Manager secret holding them, read at run time; wins over POSTBACK_SECRET. */
    @WithDefault(SharedDefaults.POSTBACK_SECRET_ARN)
    Optional<String> secretsArn();

    /** POSTBACK_LEGACY_SECRET_KEY: when set, the seed's body field postback_secret_key is added with this value, for old receivers. */
    @WithDefault("${POSTBACK_LEGACY_SECRET_KEY:}")
    Optional<String> legacySecretKey();

    /** POSTBACK_LEGACY_SECRET_ARN: the Secrets Manager secret holding it, read at run time; wins over the plain variable. */
    @WithDefault("${POSTBACK_LEGACY_SECRET_ARN:}")
    Optional<String> legacySecretArn();

    /** POSTBACK_LEGACY_ORIGINS: the only origins (https) that get the legacy body field, comma-separated. */
    @WithDefault("${POSTBACK_LEGACY_ORIGINS:}")
    Optional<String> legacyOrigins();

    @WithDefault(SharedDefaults.POSTBACK_TIMEOUT)
    Duration timeout();
}
