package io.mediasync.common.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks the shape of URLs before any request: http/https only, a host, no credentials, a valid IP
 * literal if it is one. Address checks happen later, at connect time, in {@link GuardedDnsResolver}.
 */
final class TargetUrl {

    private TargetUrl() {
    }

    /** The URL to request (without fragment), or {@link FetchException.Kind#BAD_URL}. */
    static URI check(URI uri) throws FetchException {
        if (uri == null) {
            throw badUrl("no URL given");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw badUrl("not an absolute http(s) URL: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw badUrl("scheme '" + scheme + "' is not allowed, only http and https");
        }
        // getHost() is null for authorities java.net.URI cannot read as a host (e.g. "127.1", "a_b.c").
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw badUrl("no valid host in " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw badUrl("credentials in URLs are not allowed");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw badUrl("invalid port " + port);
        }
        try {
            IpLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw badUrl("invalid host '" + host + "': " + e.getMessage());
        }
        return withoutFragment(uri);
    }

    /** The next hop of a redirect: {@code location} resolved against {@code current}, then checked. */
    static URI redirectTarget(URI current, String location) throws FetchException {
        Objects.requireNonNull(current, "current");
        if (location == null || location.isBlank()) {
            throw badUrl("redirect without a Location");
        }
        URI relative;
        try {
            relative = new URI(encodeIllegalCharacters(location.trim()));
        } catch (URISyntaxException e) {
            throw badUrl("redirect to an invalid Location: " + e.getMessage());
        }
        return check(current.resolve(relative));
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    /** Servers send raw spaces and UTF-8 in Location; percent-encode them as browsers do. */
    private static String encodeIllegalCharacters(String location) {
        StringBuilder out = new StringBuilder(location.length());
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static FetchException badUrl(String message) {
        return new FetchException(FetchException.Kind.BAD_URL, message);
    }
}
