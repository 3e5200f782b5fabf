package io.mediasync.catalog.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.FetchedBody;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One authenticated GET of the catalog API, with manners: each request ends by CATALOG_HTTP_TIMEOUT; 429, 5xx and
 * timeouts are retried with capped exponential backoff (Retry-After honoured up to the cap), never waiting past
 * the run's deadline; a 401 renews the token once. The bearer token goes only to the URLs the client checked to be
 * on the API's origin, and SafeHttpClient drops it if a redirect leaves that origin. Also holds the seed's reason
 * words for what the guarded client reports ({@link #failure}) and what is worth another try ({@link #retryable}).
 */
public final class PoliteGet {

    private static final Logger LOG = Logger.getLogger(PoliteGet.class);

    private final SafeHttpClient http;
    private final TokenSource tokens;
    private final Duration requestTimeout;
    private final RetryPolicy retries;

    /** @param retries retries 429, 5xx and timeouts ({@link #retryable}) with backoff */
    public PoliteGet(SafeHttpClient http, TokenSource tokens, Duration requestTimeout, RetryPolicy retries) {
        this.http = http;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
    }

    /** @param requests counts every request sent */
    public FetchedBody get(URI uri, Deadline run, AtomicInteger requests) throws CatalogFailure {
        boolean renewed = false;
        for (int attempt = 0; ; ) {
            Optional<String> token = tokens.token(run);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
            if (run.passed()) {
                throw CatalogFailure.timeout("the run's deadline passed before GET " + uri);
            }
            try {
                requests.incrementAndGet();
                return http.get(uri, headers, Deadline.in(requestTimeout).min(run));
            } catch (FetchException e) {
                if (run.passed()) {
                    throw CatalogFailure.timeout("the run's deadline passed during GET " + uri);
                }
                if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() == 401 && !renewed && tokens.renewable()
                        && token.isPresent()) {
                    LOG.infof("GET %s answered 401: renewing the token once", uri);
                    tokens.rejected(token.get());
                    renewed = true;
                    continue;
                }
                if (e.kind() == FetchException.Kind.DEADLINE) { // the request's own deadline, the run still has time
                    e = new FetchException(FetchException.Kind.TIMEOUT, "no answer within " + requestTimeout.toMillis()
                            + " ms (CATALOG_HTTP_TIMEOUT)", e);
                }
                if (e.kind() == FetchException.Kind.TOO_LARGE) {
                    throw new CatalogFailure("page_too_large", "GET " + uri + ": " + e.getMessage() + " (CATALOG_MAX_PAGE_BYTES)", e);
                }
                attempt++;
                RetryPolicy.Next next = retries.after(attempt, e, run);
                if (next instanceof RetryPolicy.NoTimeLeft) {
                    throw failure(e, "GET " + uri + " (no time left to retry)");
                }
                if (!(next instanceof RetryPolicy.Retry retry)) {
                    throw failure(e, "GET " + uri);
                }
                LOG.infof("GET %s failed (%s): retry %d of %d in %d ms", uri, e.code(), retry.retry(), retries.retries(),
                        retry.delay().toMillis());
                pause(retry);
            }
        }
    }

    /** The seed's reason word for what the guarded HTTP client reports, with what was being done. */
    public static CatalogFailure failure(FetchException e, String what) {
        return new CatalogFailure(reason(e), what + ": " + e.getMessage(), e);
    }

    private static String reason(FetchException e) {
        return switch (e.kind()) {
            case TIMEOUT, DEADLINE -> "timeout";
            case HTTP_STATUS -> e.status() == 401 ? "unauthorized" : "http_" + e.status();
            case NETWORK -> network(e.getMessage());
            case BLOCKED_ADDRESS -> "blocked_address";
            case BAD_URL -> "bad_url";
            case TOO_LARGE, TOO_MANY_REDIRECTS -> "bad_response";
        };
    }

    /** SafeHttpClient says "unknown host x" and "connection refused" (Reasons); anything else dropped the connection. */
    private static String network(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("unknown host")) {
            return "nxdomain";
        }
        if (m.contains("connection refused")) {
            return "econnrefused";
        }
        return m.contains("timed out") ? "timeout" : "closed";
    }

    /** Worth another try: 408, 429, 5xx and timeouts (each costs a whole timeout, so they are capped by the run's deadline). */
    public static boolean retryable(FetchException e) {
        return switch (e.kind()) {
            case TIMEOUT, DEADLINE -> true;
            case HTTP_STATUS -> e.status() == 408 || e.status() == 429 || e.status() >= 500;
            default -> false;
        };
    }

    private void pause(RetryPolicy.Retry retry) throws CatalogFailure {
        try {
            retries.pause(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CatalogFailure.timeout("interrupted while waiting to retry");
        }
    }
}
