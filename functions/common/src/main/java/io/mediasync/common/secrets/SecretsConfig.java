package io.mediasync.common.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How secrets are read at run time: {@code mediasync.secrets.*}, each default written once here with its
 * variable (SECRETS_TTL, SECRETS_CALL_TIMEOUT, SECRETS_ENDPOINT_URL). Which secrets a function reads
 * is its own configuration (the {@code *_SECRET_ARN} variables).
 */
@ConfigMapping(prefix = "mediasync.secrets")
public interface SecretsConfig {

    /** How long a secret used per message is kept before it is read again: the longest a rotation takes to arrive. */
    @WithDefault("${SECRETS_TTL:PT5M}")
    Duration ttl();

    /** The most one GetSecretValue may take, its retries included: a message never waits longer for a secret. */
    @WithDefault("${SECRETS_CALL_TIMEOUT:PT5S}")
    Duration callTimeout();

    /** Another Secrets Manager endpoint (a test's server on loopback); unset = the region's. */
    @WithDefault("${SECRETS_ENDPOINT_URL:}")
    Optional<String> endpointOverride();
}
