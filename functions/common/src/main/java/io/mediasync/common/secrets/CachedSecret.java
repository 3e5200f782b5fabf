package io.mediasync.common.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * A secret read from Secrets Manager and kept for a time to live, so a value used per message (the postback master
 * secret, the catalog's credentials) costs one GetSecretValue per TTL, and a rotation reaches the function within
 * one TTL. The age is measured on the wall clock, not {@code System.nanoTime()}: a SnapStart snapshot restored days
 * later must find its value expired, not a few seconds old.
 *
 * <p>When a refresh fails and a value was read before, that value is used on (a WARN names the secret, never the
 * value) and the next use tries again: Secrets Manager being briefly unreachable does not stop postbacks signed with
 * a secret that was current minutes ago. With no value yet, the failure is the caller's.
 */
public final class CachedSecret implements SecretSource {

    private static final Logger LOG = Logger.getLogger(CachedSecret.class);

    private final SecretReader reader;
    private final String secretId;
    private final Duration ttl;
    private final InstantSource clock;
    private String value;
    private Instant readAt;

    public CachedSecret(SecretReader reader, String secretId, Duration ttl, InstantSource clock) {
        this.reader = reader;
        this.secretId = secretId;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized String value() {
        Instant now = clock.instant();
        if (value != null && now.isBefore(readAt.plus(ttl)) && !now.isBefore(readAt)) {
            return value;
        }
        try {
            value = reader.read(secretId);
            readAt = now;
        } catch (SecretUnavailableException e) {
            if (value == null) {
                throw e;
            }
            LOG.warnf("%s: using the value read at %s until it can be read again", e.getMessage(), readAt);
        }
        return value;
    }

    @Override
    public String toString() {
        return "CachedSecret[" + secretId + ", ttl " + ttl + "]"; // never the value
    }
}
