package io.mediasync.common.net;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;

/**
 * A web origin: scheme, host and port (RFC 6454), the unit secrets are bound to. A source's headers go only
 * to its origin, a redirect to another origin drops every caller-supplied header, and a postback receiver's
 * signing secret is derived from its origin. Printed as {@code https://host} or {@code http://host:8080}
 * (lower case, ASCII host, default ports left out).
 */
public record Origin(String scheme, String host, int port) {

    public static Origin of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "example.com." is the same host as "example.com"
        }
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return new Origin(scheme, host, port);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }
}
