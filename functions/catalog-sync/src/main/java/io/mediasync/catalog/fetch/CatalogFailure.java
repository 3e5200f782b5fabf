package io.mediasync.catalog.fetch;

/**
 * Why a run ended in error: {@code reason} is the seed's word in {@code data.reason} ({@code timeout}, {@code nxdomain},
 * {@code econnrefused}, {@code unauthorized}, {@code http_<status>}, {@code bad_response}, {@code page_loop}, ...),
 * {@code getMessage()} says more for the log and the run record. Never carries a secret.
 */
public final class CatalogFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean refused;

    public CatalogFailure(String reason, String detail) {
        this(reason, detail, null, false);
    }

    public CatalogFailure(String reason, String detail, Throwable cause) {
        this(reason, detail, cause, false);
    }

    private CatalogFailure(String reason, String detail, Throwable cause, boolean refused) {
        super(detail, cause);
        this.reason = reason;
        this.refused = refused;
    }

    public String reason() {
        return reason;
    }

    /** The feed asked for more than a limit allows (the run is recorded {@code refused}, not broken). */
    public boolean refused() {
        return refused;
    }

    public static CatalogFailure refused(String reason, String detail) {
        return new CatalogFailure(reason, detail, null, true);
    }

    public static CatalogFailure badResponse(String detail) {
        return new CatalogFailure("bad_response", detail);
    }

    public static CatalogFailure timeout(String detail) {
        return new CatalogFailure("timeout", detail);
    }
}
