package io.mediasync.common.aws;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One immediate retry of an AWS SDK call that failed with an {@link UncheckedIOException}. With the
 * url-connection HTTP client, a keep-alive connection the server has already closed fails while
 * the request body is written, and the SDK reports that as an UncheckedIOException, which its own
 * retry strategy does not retry; the second attempt opens a fresh connection.
 */
public final class StaleConnectionRetry {

    private static final Logger LOG = Logger.getLogger(StaleConnectionRetry.class);

    private StaleConnectionRetry() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            LOG.debugf("%s: %s; retrying once on a new connection", what, e.getMessage());
            return call.get();
        }
    }
}
