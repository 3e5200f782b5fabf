package io.mediasync.local.servers;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the local HTTP API, every route of it: the template's ({@code PATCH /api/syncall} starts a sync
 * of every source) as much as the runtime's own under {@code /_mediasync/}, which run functions with the stack's
 * rights. The server listens on loopback only, but a web page in the developer's browser can still send requests
 * to it, directly (a form or fetch, which carries the page's Origin) or through DNS rebinding (a hostile name
 * resolving to 127.0.0.1, which the browser sends as Host). So a request must name this machine and the stack's
 * port in Host, and, when a browser sent it, a page of this machine in Origin; and bodies are capped. The
 * devstack's SQS applies the same rule ({@code io.mediasync.devstack.LoopbackRequests}, in its own JVM).
 */
final class GatewayGuard {

    /** Lambda's own payload limit for a synchronous invocation. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private GatewayGuard() {
    }

    /** Why this request to the gateway listening on {@code port} is refused, if it is. */
    static Optional<String> refusal(Headers headers, int port) {
        String host = headers.getFirst("Host");
        if (host == null || !names(host.trim().toLowerCase(Locale.ROOT), port)) {
            return Optional.of("the local HTTP API answers requests for 127.0.0.1, [::1] or localhost on port " + port
                    + " only (Host: " + host + ")");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !isLocalPage(origin.trim())) { // "null" (a sandboxed page or a file) is refused too
            return Optional.of("the local HTTP API does not answer web pages of other origins (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    /** The body, or empty when it is larger than the cap (the caller answers 413). */
    static Optional<byte[]> body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    /** "127.0.0.1:3000" names port 3000 of this machine; without a port it names port 80, never the gateway's. */
    private static boolean names(String host, int port) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') && LOOPBACK_HOSTS.contains(host.substring(0, colon))
                && host.substring(colon + 1).equals(Integer.toString(port));
    }

    private static boolean isLocalPage(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && LOOPBACK_HOSTS.contains(String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
