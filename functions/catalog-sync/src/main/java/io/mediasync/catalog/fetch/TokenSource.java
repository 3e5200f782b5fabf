package io.mediasync.catalog.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.secrets.SecretSource;
import io.mediasync.common.secrets.SecretUnavailableException;
import java.util.Optional;

/** Where the bearer token for the catalog API comes from (seed: API_TOKEN, or API_USER/API_PASSWORD; or their secrets' ARNs). */
public interface TokenSource {

    /** The token to send now; empty = send no Authorization header (no credentials configured). */
    Optional<String> token(Deadline deadline) throws CatalogFailure;

    /** The API answered 401 to {@code token}: forget it, so the next {@link #token} fetches a new one. */
    default void rejected(String token) {
    }

    /** Whether a 401 is worth one more try with a new token (false for a static token). */
    default boolean renewable() {
        return false;
    }

    /** How the function authenticates, for the log: never the secret itself. */
    String describe();

    /**
     * API_TOKEN, or the secret API_TOKEN_SECRET_ARN names: assumed valid, never expires (the seed's rule); asked for at
     * each request, so a rotated token is sent once {@code token} has it.
     */
    static TokenSource fixed(SecretSource token, String describe) {
        return new TokenSource() {
            @Override
            public Optional<String> token(Deadline deadline) throws CatalogFailure {
                try {
                    return Optional.of(token.value().trim());
                } catch (SecretUnavailableException e) {
                    throw new CatalogFailure("secret_unavailable", e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    static TokenSource none() {
        return new TokenSource() {
            @Override
            public Optional<String> token(Deadline deadline) {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "no credentials (neither API_TOKEN nor API_USER/API_PASSWORD nor their *_SECRET_ARN is set)";
            }
        };
    }
}
