package io.mediasync.catalog.upstream;

/**
 * Why a run ended in error: {@code reason} is the seed's word in {@code data.reason} ({@code timeout}, {@code nxdomain},
 * {@code econnrefused}, {@code unauthorized}, {@code http_<status>}, {@code bad_response}, {@code page_loop}, ...),
 * {@code getMessage()} says more for the log and the run record. Never carries a secret.
 */
public final class CatalogFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public CatalogFailure(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public CatalogFailure(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public static CatalogFailure badResponse(String detail) {
        return new CatalogFailure("bad_response", detail);
    }

    public static CatalogFailure timeout(String detail) {
        return new CatalogFailure("timeout", detail);
    }
}
