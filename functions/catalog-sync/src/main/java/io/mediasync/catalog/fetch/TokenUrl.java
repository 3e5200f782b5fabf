package io.mediasync.catalog.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The password grant sends API_USER and API_PASSWORD to the token URL: over plain http they would cross the
 * network readable by anyone on the path. Plain http is accepted on this machine only (a loopback address or
 * {@code localhost}, where nothing crosses a network), as local runs and tests use it.
 */
public final class TokenUrl {

    private TokenUrl() {
    }

    /** Why credentials may not be sent to {@code url}, if they may not. */
    public static Optional<String> refusal(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()))) {
            return Optional.empty();
        }
        return Optional.of("the token URL must be https outside loopback, the password would travel in clear"
                + " (CATALOG_TOKEN_URL, else CATALOG_API_URL/token): " + url);
    }

    private static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
