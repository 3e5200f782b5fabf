package io.mediasync.catalog.auth;

import io.mediasync.catalog.upstream.CatalogFailure;
import io.mediasync.common.lambda.Deadline;
import java.util.Optional;

/** Where the bearer token for the catalog API comes from (seed: API_TOKEN, or API_USER/API_PASSWORD). */
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

    /** API_TOKEN: assumed always valid, never expires (the seed's rule). */
    static TokenSource fixed(String token) {
        return new TokenSource() {
            @Override
            public Optional<String> token(Deadline deadline) {
                return Optional.of(token);
            }

            @Override
            public String describe() {
                return "a static token (API_TOKEN)";
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
                return "no credentials (neither API_TOKEN nor API_USER/API_PASSWORD is set)";
            }
        };
    }
}
