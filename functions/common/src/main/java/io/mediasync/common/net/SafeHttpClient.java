package io.mediasync.common.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import io.mediasync.common.failure.Reasons;
import io.mediasync.common.lambda.Deadline;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.jboss.logging.Logger;

/**
 * The only way mediasync talks HTTP to URLs that come from messages.
 *
 * <p>Every connection, on every redirect hop, is checked by the {@link AddressPolicy} at connect time
 * (see {@link GuardedDnsResolver} and {@link GuardedSocket}); redirects are followed here, not by
 * HttpClient, so each hop's URL is checked too. Calls are bounded by {@link FetchLimits}: connect and
 * read timeouts, a total time cap, a body size cap and a redirect cap. No proxies, cookies,
 * authentication, retries or transparent decompression. Thread-safe; close it when done.
 */
public final class SafeHttpClient implements Closeable {

    private static final Logger LOG = Logger.getLogger(SafeHttpClient.class);
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    /** Headers HttpClient manages itself; setting them by hand would corrupt requests. */
    private static final Set<String> MANAGED_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection");
    private static final int POST_SNIPPET_BYTES = 1024;

    private final FetchLimits limits;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlineTimer;

    public SafeHttpClient(AddressPolicy policy, HostResolver resolver, FetchLimits limits, String userAgent) {
        this(policy, resolver, limits, userAgent, ConnectListener.NONE);
    }

    /** For tests: {@code listener} sees every connect that passes the policy, right before it happens. */
    SafeHttpClient(AddressPolicy policy, HostResolver resolver, FetchLimits limits, String userAgent,
                   ConnectListener listener) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(resolver, "resolver");
        this.limits = Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(userAgent, "userAgent");
        this.http = GuardedHttpClientFactory.create(policy, resolver, limits, userAgent, listener);
        this.deadlineTimer = newDeadlineTimer();
    }

    /** GET, following redirects; see {@link #get(URI, Map, Deadline)}. */
    public FetchedBody get(URI uri) throws FetchException {
        return get(uri, Map.of(), Deadline.none());
    }

    public FetchedBody get(URI uri, Map<String, String> requestHeaders) throws FetchException {
        return get(uri, requestHeaders, Deadline.none());
    }

    /**
     * GET following at most {@code maxRedirects} redirects (301/302/303/307/308), http/https only on every hop.
     * Non-2xx answers fail with {@link FetchException.Kind#HTTP_STATUS}; a body over {@code maxBytes} fails
     * with {@link FetchException.Kind#TOO_LARGE}, early when Content-Length says so, otherwise at the cap.
     * The caller's headers belong to the origin (scheme, host, port) they were given for: every one of them is
     * dropped when a redirect leaves it. The whole call ends by {@code until} at the latest (the invocation's
     * deadline), failing with {@link FetchException.Kind#DEADLINE}.
     */
    public FetchedBody get(URI uri, Map<String, String> requestHeaders, Deadline until) throws FetchException {
        URI current = TargetUrl.check(uri);
        Origin origin = Origin.of(current);
        Map<String, String> headers = checkedHeaders(requestHeaders);
        try (CallDeadline deadline = startDeadline(until)) {
            for (int redirects = 0; ; redirects++) {
                HttpGet request = new HttpGet(current);
                headers.forEach(request::setHeader);
                ClassicHttpResponse response = open(request, deadline, current);
                try {
                    int status = response.getCode();
                    if (REDIRECT_STATUSES.contains(status)) {
                        URI next = nextHop(response, current, redirects);
                        if (!origin.equals(Origin.of(next))) {
                            headers.clear(); // secrets, cookies, custom tokens: none of them may follow to another origin
                        }
                        LOG.debugf("redirect %d from %s to %s", status, current, next);
                        current = next;
                        continue;
                    }
                    if (status < 200 || status > 299) {
                        Header retryAfter = response.getFirstHeader("Retry-After");
                        throw FetchException.httpStatus(status, "answered HTTP " + status
                                + (current.equals(uri) ? "" : " at " + current), retryAfter == null ? null : retryAfter.getValue());
                    }
                    byte[] body = CappedBodyReader.readAll(response.getEntity(), limits.maxBytes());
                    Header contentType = response.getFirstHeader("Content-Type");
                    return new FetchedBody(current, status, contentType == null ? null : contentType.getValue(),
                            body, lowerCaseHeaders(response));
                } catch (IOException e) {
                    throw classify(e, deadline, current);
                } finally {
                    release(request, response);
                }
            }
        }
    }

    /**
     * POST without following redirects. Returns the status and the start of the answer whatever the status;
     * fails only when no answer arrives (network error, timeout, refused address, bad URL).
     */
    public PostResult post(URI uri, byte[] body, String contentType, Map<String, String> headers) throws FetchException {
        return post(uri, body, contentType, headers, Deadline.none());
    }

    /** POST, ending by {@code until} at the latest; see {@link #post(URI, byte[], String, Map)}. */
    public PostResult post(URI uri, byte[] body, String contentType, Map<String, String> headers, Deadline until)
            throws FetchException {
        URI target = TargetUrl.check(uri);
        HttpPost request = new HttpPost(target);
        checkedHeaders(headers).forEach(request::setHeader);
        if (contentType != null) {
            request.setHeader("Content-Type", contentType);
        }
        request.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
        try (CallDeadline deadline = startDeadline(until)) {
            ClassicHttpResponse response = open(request, deadline, target);
            try {
                return new PostResult(response.getCode(), snippet(response));
            } finally {
                release(request, response);
            }
        }
    }

    /**
     * POST without following redirects, for an answer that is needed whole (an OAuth token): a 2xx body is read up
     * to {@code maxBytes}; any other status fails with {@link FetchException.Kind#HTTP_STATUS}, as {@link #get} does.
     */
    public FetchedBody postForBody(URI uri, byte[] body, String contentType, Map<String, String> headers, Deadline until)
            throws FetchException {
        URI target = TargetUrl.check(uri);
        HttpPost request = new HttpPost(target);
        checkedHeaders(headers).forEach(request::setHeader);
        request.setHeader("Content-Type", contentType);
        request.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
        try (CallDeadline deadline = startDeadline(until)) {
            ClassicHttpResponse response = open(request, deadline, target);
            try {
                int status = response.getCode();
                if (status < 200 || status > 299) {
                    Header retryAfter = response.getFirstHeader("Retry-After");
                    throw FetchException.httpStatus(status, "answered HTTP " + status, retryAfter == null ? null : retryAfter.getValue());
                }
                Header type = response.getFirstHeader("Content-Type");
                return new FetchedBody(target, status, type == null ? null : type.getValue(),
                        CappedBodyReader.readAll(response.getEntity(), limits.maxBytes()), lowerCaseHeaders(response));
            } catch (IOException e) {
                throw classify(e, deadline, target);
            } finally {
                release(request, response);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deadlineTimer.shutdownNow();
        http.close();
    }

    private ClassicHttpResponse open(HttpUriRequestBase request, CallDeadline deadline, URI uri) throws FetchException {
        deadline.attach(request);
        try {
            return http.executeOpen(null, request, null);
        } catch (IOException e) {
            throw classify(e, deadline, uri);
        }
    }

    private URI nextHop(ClassicHttpResponse response, URI current, int redirectsSoFar) throws FetchException {
        Header location = response.getFirstHeader("Location");
        if (location == null) {
            throw FetchException.httpStatus(response.getCode(), "redirected without a Location");
        }
        if (redirectsSoFar >= limits.maxRedirects()) {
            throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS,
                    "more than " + limits.maxRedirects() + " redirects, last at " + current);
        }
        return TargetUrl.redirectTarget(current, location.getValue());
    }

    /** The answer's first bytes as text; a failure here does not hide the status we already have. */
    private static String snippet(ClassicHttpResponse response) {
        try {
            return new String(CappedBodyReader.readPrefix(response.getEntity(), POST_SNIPPET_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Cancelling first discards the connection; closing an unfinished HttpClient response would
     * otherwise read the rest of the body, however large.
     */
    private static void release(HttpUriRequestBase request, ClassicHttpResponse response) {
        request.cancel();
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            LOG.tracef(e, "closing a cancelled response");
        }
    }

    private FetchException classify(IOException e, CallDeadline deadline, URI uri) {
        if (e instanceof FetchException fetchException) {
            return fetchException;
        }
        BlockedAddressException blocked = findCause(e, BlockedAddressException.class);
        if (blocked != null) {
            LOG.infof("blocked request to %s: %s", uri, blocked.getMessage());
            return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, blocked.getMessage(), e);
        }
        if (deadline.expired()) {
            return deadline.invocationsEnd()
                    ? new FetchException(FetchException.Kind.DEADLINE, "stopped at the invocation's deadline, after "
                            + deadline.elapsedMillis() + " ms", e)
                    : new FetchException(FetchException.Kind.TIMEOUT, "took longer than the total limit of "
                            + limits.totalTimeout().toMillis() + " ms", e);
        }
        if (findCause(e, java.io.InterruptedIOException.class) != null) {
            return new FetchException(FetchException.Kind.TIMEOUT, Reasons.of(e), e);
        }
        if (findCause(e, java.net.UnknownHostException.class) != null) {
            return new FetchException(FetchException.Kind.NETWORK, "unknown host " + uri.getHost(), e);
        }
        return new FetchException(FetchException.Kind.NETWORK, Reasons.of(e), e);
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private CallDeadline startDeadline(Deadline until) throws FetchException {
        long limit = limits.totalTimeout().toMillis();
        long left = until.remaining().toMillis();
        if (left <= 0) {
            throw new FetchException(FetchException.Kind.DEADLINE, "not started: the invocation's deadline has passed");
        }
        try {
            return new CallDeadline(deadlineTimer, Math.min(limit, left), left < limit);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("SafeHttpClient is closed", e);
        }
    }

    private static Map<String, String> checkedHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers == null) {
            return copy;
        }
        headers.forEach((name, value) -> {
            if (MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is managed by the client");
            }
            copy.put(name, Objects.requireNonNull(value, name));
        });
        return copy;
    }

    private static Map<String, String> lowerCaseHeaders(ClassicHttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static ScheduledExecutorService newDeadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mediasync-http-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
