package io.mediasync.common.net;

import java.net.URI;
import java.util.Map;

/**
 * A successful (2xx) GET response, read completely.
 *
 * @param finalUri    the URI that answered, after redirects
 * @param status      the 2xx status
 * @param contentType the Content-Type header, or null; information only: detect formats from the bytes
 * @param body        the response body (never null)
 * @param headers     response headers with lower-case names; repeated headers joined with ", "
 */
public record FetchedBody(URI finalUri, int status, String contentType, byte[] body, Map<String, String> headers) {

    public FetchedBody {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "FetchedBody[" + finalUri + ", status=" + status + ", contentType=" + contentType
                + ", " + body.length + " bytes]";
    }
}
