package io.mediasync.common.net;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.jboss.logging.Logger;

/** Reads what a {@link SafeHttpClient} caller gets from an HttpClient response, and lets the response go. */
final class Responses {

    private static final Logger LOG = Logger.getLogger(SafeHttpClient.class);
    private static final int POST_SNIPPET_BYTES = 1024;

    private Responses() {
    }

    /** Fails with {@link FetchException.Kind#HTTP_STATUS} (and the answer's Retry-After) unless the status is 2xx. */
    static void requireSuccess(ClassicHttpResponse response, String message) throws FetchException {
        int status = response.getCode();
        if (status < 200 || status > 299) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            throw FetchException.httpStatus(status, message, retryAfter == null ? null : retryAfter.getValue());
        }
    }

    /** The whole body, up to {@code maxBytes}, with the status and headers; {@code uri} is the one that answered. */
    static FetchedBody body(ClassicHttpResponse response, URI uri, long maxBytes) throws IOException {
        byte[] body = CappedBodyReader.readAll(response.getEntity(), maxBytes);
        Header contentType = response.getFirstHeader("Content-Type");
        return new FetchedBody(uri, response.getCode(), contentType == null ? null : contentType.getValue(),
                body, lowerCaseHeaders(response));
    }

    /** The answer's first bytes as text; a failure here does not hide the status we already have. */
    static String snippet(ClassicHttpResponse response) {
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
    static void release(HttpUriRequestBase request, ClassicHttpResponse response) {
        request.cancel();
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            LOG.tracef(e, "closing a cancelled response");
        }
    }

    private static Map<String, String> lowerCaseHeaders(ClassicHttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }
}
