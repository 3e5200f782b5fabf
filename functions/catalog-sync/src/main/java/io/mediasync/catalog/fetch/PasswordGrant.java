package io.mediasync.catalog.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import io.mediasync.common.secrets.SecretSource;
import io.mediasync.common.secrets.SecretUnavailableException;
import io.mediasync.common.time.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * API_USER/API_PASSWORD (or the secret API_CREDENTIALS_SECRET_ARN names, read at each retrieval) exchanged for a
 * token with an OAuth 2.0 password grant (RFC 6749 4.3) at the token URL.
 * The token is cached for the container's life, renewed before it expires and after the API answered 401; a
 * retrieval that cannot connect is tried again every INTERVAL_RETRY_TOKEN_SECONDS while the run has time. The
 * password and the tokens never reach a log, a record or an error message. Also holds where the user and password
 * come from ({@link CredentialsSource}) and which token URLs may receive them ({@link #refusal}).
 */
public final class PasswordGrant implements TokenSource {

    private static final Logger LOG = Logger.getLogger(PasswordGrant.class);

    private record Cached(String token, Instant renewAt) {
    }

    /** The user and password; never in a message. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    /**
     * The user and password, asked for at each token retrieval: a rotated password is used from the next retrieval
     * on. Either the seed's API_USER/API_PASSWORD, or the JSON secret {@code {"username", "password"}} that
     * API_CREDENTIALS_SECRET_ARN names (both fields from one read, so a rotation never pairs a new user with an old
     * password). No message here carries either value.
     */
    @FunctionalInterface
    public interface CredentialsSource {

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

    private final SafeHttpClient http;
    private final ObjectMapper json;
    private final URI tokenUrl;
    private final CredentialsSource credentials;
    private final RetryPolicy retries;
    private final Duration renewBefore;
    private final Duration requestTimeout;
    private final Clock clock;
    private Cached cached;
    private int retrievals;

    /** @param clock when a token is due for renewal; {@code sleeper} waits between retrievals */
    public PasswordGrant(SafeHttpClient http, ObjectMapper json, URI tokenUrl, CredentialsSource credentials,
            Duration retryInterval, Duration renewBefore, Duration requestTimeout, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.json = json;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.retries = RetryPolicy.everyInterval(PasswordGrant::retryable, retryInterval, sleeper, clock);
        this.renewBefore = renewBefore;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> token(Deadline deadline) throws CatalogFailure {
        if (cached == null || !clock.instant().isBefore(cached.renewAt())) {
            cached = retrieve(deadline);
            Metrics.count(Metric.TOKEN_RENEWALS, 1);
        }
        return Optional.of(cached.token());
    }

    @Override
    public synchronized void rejected(String token) {
        if (cached != null && cached.token().equals(token)) {
            cached = null;
        }
    }

    /** Drops the cached token: the next run fetches a new one. */
    public synchronized void forget() {
        cached = null;
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String describe() {
        return "an OAuth 2.0 password grant at " + tokenUrl + " (API_USER/API_PASSWORD)";
    }

    /**
     * Why credentials may not be sent to {@code url}, if they may not: over plain http they would cross the network
     * readable by anyone on the path. Plain http is accepted on this machine only (a loopback address or
     * {@code localhost}, where nothing crosses a network), as local runs and tests use it.
     */
    public static Optional<String> refusal(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()))) {
            return Optional.empty();
        }
        return Optional.of("the token URL must be https outside loopback, the password would travel in clear"
                + " (CATALOG_TOKEN_URL, else CATALOG_API_URL/token): " + url);
    }

    private static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Token retrievals so far (tests and the run's counts). */
    public synchronized int retrievals() {
        return retrievals;
    }

    private Cached retrieve(Deadline deadline) throws CatalogFailure {
        byte[] form = form(credentials.current());
        for (int attempt = 1; ; attempt++) {
            try {
                retrievals++;
                return parse(http.postForBody(tokenUrl, form, "application/x-www-form-urlencoded", Map.of("Accept", "application/json"),
                        Deadline.in(requestTimeout).min(deadline)));
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.HTTP_STATUS && (e.status() == 400 || e.status() == 401 || e.status() == 403)) {
                    throw new CatalogFailure("unauthorized", "the token endpoint refused the credentials (HTTP " + e.status() + ")", e);
                }
                if (!(retries.after(attempt, e, deadline) instanceof RetryPolicy.Retry retry)) {
                    throw PoliteGet.failure(e, "token retrieval at " + tokenUrl + " (attempt " + attempt + ")");
                }
                LOG.warnf("token retrieval at %s failed (%s): trying again in %d s", tokenUrl, e.getMessage(), retry.delay().toSeconds());
                pause(retry);
            }
        }
    }

    /** The token endpoint is retried on connection errors (the seed's rule) and on what a GET retries (its 5xx/429 answers). */
    private static boolean retryable(FetchException e) {
        return e.kind() == FetchException.Kind.NETWORK || PoliteGet.retryable(e);
    }

    private static byte[] form(Credentials current) {
        return ("grant_type=password&username=" + URLEncoder.encode(current.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(current.password(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private Cached parse(io.mediasync.common.net.FetchedBody body) throws CatalogFailure {
        JsonNode answer;
        try {
            answer = json.readTree(body.body());
        } catch (IOException e) {
            throw CatalogFailure.badResponse("the token endpoint did not answer JSON");
        }
        String token = answer == null ? "" : answer.path("access_token").asText("");
        String type = answer == null ? "" : answer.path("token_type").asText("bearer");
        if (token.isBlank() || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw CatalogFailure.badResponse("the token endpoint's answer holds no bearer access_token");
        }
        long lifetime = answer.path("expires_in").asLong(0);
        // a token without expires_in is kept until the API refuses it; a short-lived one is renewed halfway at the latest
        long lifeNanos = lifetime <= 0 ? Duration.ofDays(365).toNanos() : Duration.ofSeconds(lifetime).toNanos();
        long early = Math.min(renewBefore.toNanos(), lifeNanos / 2);
        return new Cached(token, clock.instant().plusNanos(lifeNanos - early));
    }

    private void pause(RetryPolicy.Retry retry) throws CatalogFailure {
        try {
            retries.pause(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CatalogFailure.timeout("interrupted while waiting to retry the token endpoint");
        }
    }
}
