package io.mediasync.catalog.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.secrets.SecretSource;
import io.mediasync.common.secrets.SecretUnavailableException;
import java.io.IOException;

/**
 * The password grant's user and password, asked for at each token retrieval: a rotated password is used from the
 * next retrieval on. Either the seed's API_USER/API_PASSWORD, or the JSON secret {@code {"username", "password"}}
 * that API_CREDENTIALS_SECRET_ARN names (both fields from one read, so a rotation never pairs a new user with an
 * old password). No message here carries either value.
 */
@FunctionalInterface
public interface CredentialsSource {

    record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    Credentials current() throws CatalogFailure;

    static CredentialsSource fixed(String user, String password) {
        Credentials credentials = new Credentials(user, password);
        return () -> credentials;
    }

    /** The JSON secret's fields, parsed at each use (the secret is cached by {@code secret}, not here). */
    static CredentialsSource fromJsonSecret(SecretSource secret, ObjectMapper json) {
        return () -> {
            JsonNode fields;
            try {
                fields = json.readTree(secret.value());
            } catch (SecretUnavailableException e) {
                throw new CatalogFailure("secret_unavailable", e.getMessage(), e);
            } catch (IOException e) {
                // not chained: the parser's message may quote the secret
                throw new CatalogFailure("not_configured", "the catalog credentials secret is not JSON {\"username\", \"password\"}");
            }
            String user = fields == null ? "" : fields.path("username").asText("");
            String password = fields == null ? "" : fields.path("password").asText("");
            if (user.isBlank() || password.isEmpty()) {
                throw new CatalogFailure("not_configured", "the catalog credentials secret lacks \"username\" or \"password\"");
            }
            return new Credentials(user, password);
        };
    }
}
