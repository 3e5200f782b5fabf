package io.mediasync.sourcesync.downloader;

import io.mediasync.common.failure.FailureException;
import io.mediasync.common.net.FetchException;

/** Why a source could not be synchronised: a stable code, a reason for people, and whether trying later may help. */
public class SyncFailure extends FailureException {

    private static final long serialVersionUID = 1L;

    public SyncFailure(String code, String reason, boolean retryable, Throwable cause) {
        super(code, reason, retryable, cause);
    }

    public static SyncFailure permanent(String code, String reason) {
        return new SyncFailure(code, reason, false, null);
    }

    /** A listing request that failed: 4xx, refused address, too large… are final; 5xx, timeouts, network errors are not. */
    public static SyncFailure of(FetchException e, String what) {
        return new SyncFailure(e.code(), what + ": " + e.getMessage(), e.retryable(), e);
    }
}
