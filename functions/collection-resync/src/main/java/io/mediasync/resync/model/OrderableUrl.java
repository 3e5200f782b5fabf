package io.mediasync.resync.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether the resizer would take a URL at all (its OrderParser: an absolute http(s) URL with a host, or
 * s3://bucket/key). A URL it would reject would make it reject the whole order, the document's other image
 * included, so such a field is recorded failed ({@code bad_url}) here and never ordered.
 */
public final class OrderableUrl {

    private OrderableUrl() {
    }

    /** @return why the URL cannot be ordered, or null when it can */
    public static String problem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getMessage();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("s3")) {
            return uri.getHost() != null && uri.getPath() != null && uri.getPath().length() > 1 ? null
                    : "an s3 URL must be s3://bucket/key";
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "not an absolute http(s) URL";
        }
        return null;
    }
}
