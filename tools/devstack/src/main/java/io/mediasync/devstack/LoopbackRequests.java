package io.mediasync.devstack;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use a server that listens on loopback. Listening on 127.0.0.1 keeps other machines out, not the
 * web pages open in this machine's browser: a page can post a form to http://127.0.0.1:9324 (it then sends its
 * own Origin), or use DNS rebinding (a hostile name resolving to 127.0.0.1, sent as Host). So a request must
 * name this machine and this server's port in Host, and, when a browser sent it, a page of this machine in
 * Origin. The aws CLI and the SDKs send {@code Host: 127.0.0.1:<port>} and no Origin.
 */
public final class LoopbackRequests {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private final int port;

    /** @param port the port this server listens on, the only one a Host header may name */
    public LoopbackRequests(int port) {
        this.port = port;
    }

    /** Why this request is refused, if it is; {@code host} and {@code origin} are the headers' values or null. */
    public Optional<String> refusal(String host, String origin) {
        if (host == null || !isThisServer(host.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("this server answers requests for 127.0.0.1, [::1] or localhost on port " + port
                    + " only (Host: " + host + ")");
        }
        if (origin != null && !isLocalPage(origin.trim())) { // "null" (a sandboxed page or a file) is refused too
            return Optional.of("this server does not answer web pages of other origins (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    private boolean isThisServer(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon < host.lastIndexOf(']')) {
            return false; // no port: the default port 80, which is never this server's
        }
        return HOSTS.contains(host.substring(0, colon)) && host.substring(colon + 1).equals(Integer.toString(port));
    }

    private static boolean isLocalPage(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && HOSTS.contains(host);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
