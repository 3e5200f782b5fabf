package io.mediasync.common.net;

import io.mediasync.common.failure.Reasons;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Turns what HttpClient threw into the {@link FetchException} a {@link SafeHttpClient} caller sees. */
final class HttpFailures {

    /** Logged under the client's name: it is the client's refusal. */
    private static final Logger LOG = Logger.getLogger(SafeHttpClient.class);

    private HttpFailures() {
    }

    /**
     * The guard's refusal first (wherever HttpClient wrapped it), then the call's own cap, then the rest.
     *
     * @param totalTimeout the client's total limit, named when the cap that passed was the client's own
     */
    static FetchException classify(IOException e, CallDeadline deadline, URI uri, Duration totalTimeout) {
        if (e instanceof FetchException fetchException) {
            return fetchException;
        }
        BlockedAddressException blocked = findCause(e, BlockedAddressException.class);
        if (blocked != null) {
            LOG.infof("blocked request to %s: %s", uri, blocked.getMessage());
            return new FetchException(FetchException.Kind.BLOCKED_ADDRESS, blocked.getMessage(), e);
        }
        if (deadline.expired()) {
            return deadline.invocationsEnd()
                    ? new FetchException(FetchException.Kind.DEADLINE, "stopped at the invocation's deadline, after "
                            + deadline.elapsedMillis() + " ms", e)
                    : new FetchException(FetchException.Kind.TIMEOUT, "took longer than the total limit of "
                            + totalTimeout.toMillis() + " ms", e);
        }
        if (findCause(e, InterruptedIOException.class) != null) {
            return new FetchException(FetchException.Kind.TIMEOUT, Reasons.of(e), e);
        }
        if (findCause(e, UnknownHostException.class) != null) {
            return new FetchException(FetchException.Kind.NETWORK, "unknown host " + uri.getHost(), e);
        }
        return new FetchException(FetchException.Kind.NETWORK, Reasons.of(e), e);
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
