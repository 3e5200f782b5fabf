package io.mediasync.common.net;

import io.mediasync.common.failure.ClassifiedFailure;
import io.mediasync.common.failure.Failure;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Why a {@link SafeHttpClient} call failed, classified so callers can decide to retry and record a stable code. */
public class FetchException extends IOException implements ClassifiedFailure {

    private static final long serialVersionUID = 1L;

    /** The failure classes. */
    public enum Kind { BAD_URL, BLOCKED_ADDRESS, HTTP_STATUS, TOO_LARGE, TOO_MANY_REDIRECTS, TIMEOUT, NETWORK,
        /** The invocation's deadline came first: code {@code timed_out}. */
        DEADLINE }

    private final Kind kind;
    private final int status;
    private final String retryAfter;

    public FetchException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, null);
    }

    private FetchException(Kind kind, int status, String message, Throwable cause, String retryAfter) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FetchException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        this(kind, 0, message, cause);
    }

    /** A non-2xx answer. */
    public static FetchException httpStatus(int status, String message) {
        return httpStatus(status, message, null);
    }

    /** A non-2xx answer with the server's Retry-After header (delay-seconds or an HTTP date), if it sent one. */
    public static FetchException httpStatus(int status, String message, String retryAfter) {
        return new FetchException(Kind.HTTP_STATUS, status, message, null, retryAfter);
    }

    /** The raw Retry-After header of a non-2xx answer, for callers that wait before trying again. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, otherwise 0. */
    public int status() {
        return status;
    }

    /** True when trying again later may succeed: timeouts, network errors, HTTP 5xx, 408 and 429. */
    public boolean retryable() {
        return switch (kind) {
            case TIMEOUT, NETWORK, DEADLINE -> true;
            case HTTP_STATUS -> status >= 500 || status == 408 || status == 429;
            case BAD_URL, BLOCKED_ADDRESS, TOO_LARGE, TOO_MANY_REDIRECTS -> false;
        };
    }

    @Override
    public Failure failure() {
        return new Failure(code(), getMessage(), retryable());
    }

    /** A stable snake_case code for records, e.g. {@code blocked_address}, {@code http_404}, {@code timeout}. */
    public String code() {
        if (kind == Kind.DEADLINE) {
            return "timed_out";
        }
        return kind == Kind.HTTP_STATUS ? "http_" + status : kind.name().toLowerCase(Locale.ROOT);
    }
}
