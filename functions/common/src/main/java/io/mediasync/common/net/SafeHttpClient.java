package io.mediasync.common.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    private final FetchLimits limits;
    private final LazyTlsStrategy tls = new LazyTlsStrategy();
    private final CloseableHttpClient http;
    private final DeadlineTimer deadlines;

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
        this.http = GuardedHttpClientFactory.create(policy, resolver, limits, userAgent, listener, tls);
        this.deadlines = new DeadlineTimer(limits.totalTimeout());
    }

    /** Builds TLS now rather than on the first https call (a cold-start warm-up step); no connection is made. */
    public void prepareTls() {
        tls.prepare();
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
        Map<String, String> headers = RequestHeaders.checked(requestHeaders);
        try (CallDeadline deadline = deadlines.start(until)) {
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
                    Responses.requireSuccess(response, "answered HTTP " + status + (current.equals(uri) ? "" : " at " + current));
                    return Responses.body(response, current, limits.maxBytes());
                } catch (IOException e) {
                    throw classify(e, deadline, current);
                } finally {
                    Responses.release(request, response);
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
        RequestHeaders.checked(headers).forEach(request::setHeader);
        if (contentType != null) {
            request.setHeader("Content-Type", contentType);
        }
        request.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
        try (CallDeadline deadline = deadlines.start(until)) {
            ClassicHttpResponse response = open(request, deadline, target);
            try {
                return new PostResult(response.getCode(), Responses.snippet(response));
            } finally {
                Responses.release(request, response);
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
        RequestHeaders.checked(headers).forEach(request::setHeader);
        request.setHeader("Content-Type", contentType);
        request.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
        try (CallDeadline deadline = deadlines.start(until)) {
            ClassicHttpResponse response = open(request, deadline, target);
            try {
                Responses.requireSuccess(response, "answered HTTP " + response.getCode());
                return Responses.body(response, target, limits.maxBytes());
            } catch (IOException e) {
                throw classify(e, deadline, target);
            } finally {
                Responses.release(request, response);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.close();
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

    private FetchException classify(IOException e, CallDeadline deadline, URI uri) {
        return HttpFailures.classify(e, deadline, uri, limits.totalTimeout());
    }
}
