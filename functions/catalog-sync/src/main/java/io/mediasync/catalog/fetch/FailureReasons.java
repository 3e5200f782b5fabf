package io.mediasync.catalog.fetch;

import io.mediasync.common.net.FetchException;

/** The seed's reason words for what the guarded HTTP client reports. */
public final class FailureReasons {

    private FailureReasons() {
    }

    public static CatalogFailure of(FetchException e, String what) {
        String detail = what + ": " + e.getMessage();
        return new CatalogFailure(reason(e), detail, e);
    }

    static String reason(FetchException e) {
        return switch (e.kind()) {
            case TIMEOUT, DEADLINE -> "timeout";
            case HTTP_STATUS -> e.status() == 401 ? "unauthorized" : "http_" + e.status();
            case NETWORK -> network(e.getMessage());
            case BLOCKED_ADDRESS -> "blocked_address";
            case BAD_URL -> "bad_url";
            case TOO_LARGE, TOO_MANY_REDIRECTS -> "bad_response";
        };
    }

    /** SafeHttpClient says "unknown host x" and "connection refused" (Reasons); anything else dropped the connection. */
    private static String network(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("unknown host")) {
            return "nxdomain";
        }
        if (m.contains("connection refused")) {
            return "econnrefused";
        }
        return m.contains("timed out") ? "timeout" : "closed";
    }

    /** Worth another try: 408, 429, 5xx and timeouts (each costs a whole timeout, so they are capped by the run's deadline). */
    public static boolean retryable(FetchException e) {
        return switch (e.kind()) {
            case TIMEOUT, DEADLINE -> true;
            case HTTP_STATUS -> e.status() == 408 || e.status() == 429 || e.status() >= 500;
            default -> false;
        };
    }

    /** The token endpoint is retried on connection errors (the seed's rule) and on its own 5xx/429 answers. */
    public static boolean tokenRetryable(FetchException e) {
        return e.kind() == FetchException.Kind.NETWORK || retryable(e);
    }
}
