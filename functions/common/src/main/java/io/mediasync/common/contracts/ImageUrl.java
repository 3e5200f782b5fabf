package io.mediasync.common.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a resize order may carry: an absolute http(s) URL with a host, or {@code s3://bucket/key} for an image
 * (the resizer takes the latter from internal orders only, which it decides by the order's origin). One rule for the
 * resizer, which refuses the whole order for a URL it cannot take, and for the re-sync, which records such a field
 * failed instead of ordering it: an order would be refused with the document's other image in it. The URL is taken
 * as given (not trimmed), as the resizer reads it.
 */
public final class ImageUrl {

    private ImageUrl() {
    }

    /** An {@code s3://} URL, whatever else is wrong with it. */
    public static boolean isS3(String url) {
        return url.regionMatches(true, 0, "s3://", 0, 5);
    }

    /** What is wrong with {@code url} as an image to resize (e.g. "must be s3://bucket/key: …"), if anything. */
    public static Optional<String> problem(String url) {
        if (!isS3(url)) {
            return httpProblem(url);
        }
        try {
            URI uri = new URI(url);
            boolean bucketAndKey = uri.getHost() != null && uri.getPath() != null && uri.getPath().length() > 1;
            return bucketAndKey ? Optional.empty() : Optional.of("must be s3://bucket/key: " + url);
        } catch (URISyntaxException e) {
            return Optional.of(invalid(e));
        }
    }

    /** What is wrong with {@code url} as an http(s) address (an image or a postback), if anything. */
    public static Optional<String> httpProblem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return http ? Optional.empty() : Optional.of("must be an absolute http(s) URL: " + url);
        } catch (URISyntaxException e) {
            return Optional.of(invalid(e));
        }
    }

    private static String invalid(URISyntaxException e) {
        return "is not a valid URL: " + e.getMessage();
    }
}
