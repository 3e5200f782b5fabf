package io.mediasync.sourcesync.fetch;

import io.mediasync.common.lambda.Deadline;
import io.mediasync.common.net.FetchException;
import io.mediasync.common.net.RetryPolicy;
import io.mediasync.common.net.SafeHttpClient;
import java.net.URI;
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
    private final RetryPolicy retries;

    /** @param retries retries the answers {@link #retriedHere} names, with backoff */
    public PoliteFetcher(SafeHttpClient http, HostThrottle throttle, RetryPolicy retries) {
        this.http = http;
        this.throttle = throttle;
        this.retries = retries;
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
                RetryPolicy.Next next = retries.after(attempt + 1, e, deadline);
                if (next instanceof RetryPolicy.NoTimeLeft) { // the deadline, not the server, ends it: no answer yet
                    throw new FetchException(FetchException.Kind.DEADLINE, "GET " + uri + " answered " + e.status()
                            + "; the invocation's deadline comes before its retry", e);
                }
                if (!(next instanceof RetryPolicy.Retry retry)) {
                    throw e;
                }
                LOG.infof("GET %s answered %d: retry %d of %d in %d ms", uri, e.status(), retry.retry(), retries.retries(),
                        retry.delay().toMillis());
                pause(retry, e);
            }
        }
    }

    /** Timeouts and network errors are not: each costs a whole timeout, and SQS retries the order later. */
    public static boolean retriedHere(FetchException e) {
        return e.kind() == FetchException.Kind.HTTP_STATUS && (e.status() >= 500 || e.status() == 408 || e.status() == 429);
    }

    private static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    private void pause(RetryPolicy.Retry retry, FetchException cause) throws FetchException {
        try {
            retries.pause(retry);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
