package io.mediasync.common.aws;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Immediate retries of an AWS SDK call that failed with an {@link UncheckedIOException}. With the
 * url-connection HTTP client, a keep-alive connection the server has already closed fails while
 * the request body is written, and the SDK reports that as an UncheckedIOException, which its own
 * retry strategy does not retry; the next attempt opens a fresh connection. Only for idempotent calls.
 */
public final class StaleConnectionRetry {

    private static final Logger LOG = Logger.getLogger(StaleConnectionRetry.class);

    private StaleConnectionRetry() {
    }

    /** At most two attempts. */
    public static <T> T call(String what, Supplier<T> call) {
        return call(what, 2, call);
    }

    public static <T> T call(String what, int attempts, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (UncheckedIOException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.debugf("%s: %s; trying again on a new connection", what, e.getMessage());
            }
        }
    }
}
