package io.mediasync.common.net;

import java.net.UnknownHostException;

/**
 * Thrown from name resolution or socket connect when the policy refuses an address.
 * An {@link UnknownHostException} because that is what Apache HttpClient's {@code DnsResolver} may throw;
 * {@link SafeHttpClient} turns it into {@link FetchException.Kind#BLOCKED_ADDRESS}.
 */
final class BlockedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    BlockedAddressException(String host, String reason) {
        super("refused to connect to " + host + ": " + reason);
    }
}
