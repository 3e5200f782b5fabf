package io.mediasync.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Told about every TCP connect right before it is made (after the policy allowed it).
 * Tests use it to prove that refused addresses never get a packet; throwing aborts the connect.
 */
@FunctionalInterface
interface ConnectListener {

    ConnectListener NONE = target -> { };

    void beforeConnect(InetSocketAddress target) throws IOException;
}
