package io.mediasync.sourcesync.downloader.adapter;

/** The listing cannot be used (malformed, unsupported, empty): a permanent failure with a stable code. */
public class ListingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ListingException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public ListingException(String code, String reason) {
        this(code, reason, null);
    }

    public String code() {
        return code;
    }
}
