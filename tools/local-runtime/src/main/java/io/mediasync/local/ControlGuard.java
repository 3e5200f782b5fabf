package io.mediasync.local;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The local runtime's control endpoints ({@code /_mediasync/invoke}, {@code /trigger}) run functions with the
 * stack's rights. The server listens on loopback only, but a web page in the developer's browser can still
 * send requests to it, directly or through DNS rebinding (a hostile name resolving to 127.0.0.1): so a control
 * request must name a loopback host in Host, and, if a browser sent it, in Origin too; and bodies are capped.
 */
final class ControlGuard {

    /** Lambda's own payload limit for a synchronous invocation. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private ControlGuard() {
    }

    /** Why this request may not use a control endpoint, if it may not. */
    static Optional<String> refusal(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !isLoopback(hostOf(host))) {
            return Optional.of("control endpoints answer requests for a loopback host only (Host: " + host + ")");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !isLoopback(originHost(origin))) { // "null" (a sandboxed page) is refused too
            return Optional.of("control endpoints do not answer web pages of other origins (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    /** The body, or empty when it is larger than the cap (the caller answers 413). */
    static Optional<byte[]> body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_NAMES.contains(h) || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "[::1]". */
    static String hostOf(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            String host = URI.create(origin.trim()).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
