package io.mediasync.catalog.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.metrics.Metric;
import io.mediasync.common.metrics.Metrics;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
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
 * password and the tokens never reach a log, a record or an error message.
 */
public final class PasswordGrant implements TokenSource {

    private static final Logger LOG = Logger.getLogger(PasswordGrant.class);

    private record Cached(String token, Instant renewAt) {
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
        this.retries = RetryPolicy.everyInterval(FailureReasons::tokenRetryable, retryInterval, sleeper, clock);
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
                    throw FailureReasons.of(e, "token retrieval at " + tokenUrl + " (attempt " + attempt + ")");
                }
                LOG.warnf("token retrieval at %s failed (%s): trying again in %d s", tokenUrl, e.getMessage(), retry.delay().toSeconds());
                pause(retry);
            }
        }
    }

    private static byte[] form(CredentialsSource.Credentials current) {
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
