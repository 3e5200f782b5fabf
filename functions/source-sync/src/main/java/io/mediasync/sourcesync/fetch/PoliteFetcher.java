package io.mediasync.sourcesync.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.Backoff;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.RetryAfter;
import io.mediasync.common.net.SafeHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * GETs through the SSRF-guarded client with manners: per-host throttling, retries of 5xx/408/429 with
 * exponential backoff (never sleeping past the deadline), and 304 Not Modified as an answer rather than
 * an error. Timeouts and network errors are not retried here: they cost a whole timeout each, so they go
 * back to SQS, which retries the order later.
 */
public final class PoliteFetcher {

    private static final Logger LOG = Logger.getLogger(PoliteFetcher.class);

    private final SafeHttpClient http;
    private final HostThrottle throttle;
    private final int retries;
    private final Backoff backoff;

    public PoliteFetcher(SafeHttpClient http, HostThrottle throttle, int retries, Backoff backoff) {
        this.http = http;
        this.throttle = throttle;
        this.retries = Math.max(0, retries);
        this.backoff = backoff;
    }

    public FetchOutcome get(URI uri, Map<String, String> headers, Deadline deadline) throws FetchException {
        for (int attempt = 0; ; attempt++) {
            try (HostThrottle.Permit permit = throttle.acquire(hostKey(uri), deadline)) {
                return new FetchOutcome.Fetched(http.get(uri, headers, deadline));
            } catch (InterruptedException e) {
                if (!deadline.passed()) {
                    Thread.currentThread().interrupt();
                }
                throw new FetchException(deadline.passed() ? FetchException.Kind.DEADLINE : FetchException.Kind.TIMEOUT,
                        "GET " + uri + " not started: " + e.getMessage(), e);
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() == 304) {
                    return new FetchOutcome.NotModified();
                }
                if (!retriedHere(e) || attempt >= retries) {
                    throw e;
                }
                Duration wait = backoff.delay(attempt + 1, RetryAfter.of(e));
                if (deadline.remaining().compareTo(wait) <= 0) { // the deadline, not the server, ends it: no answer yet
                    throw new FetchException(FetchException.Kind.DEADLINE, "GET " + uri + " answered " + e.status()
                            + "; the invocation's deadline comes before its retry", e);
                }
                LOG.infof("GET %s answered %d: retry %d of %d in %d ms", uri, e.status(), attempt + 1, retries, wait.toMillis());
                sleep(wait, e);
            }
        }
    }

    static boolean retriedHere(FetchException e) {
        return e.kind() == FetchException.Kind.HTTP_STATUS && (e.status() >= 500 || e.status() == 408 || e.status() == 429);
    }

    private static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    private static void sleep(Duration wait, FetchException cause) throws FetchException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
