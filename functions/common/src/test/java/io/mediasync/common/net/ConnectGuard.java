package io.mediasync.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test safety net: records every connect the client is about to make and refuses (before any packet)
 * anything that is not loopback, remembering the violation so the test fails.
 */
final class ConnectGuard implements ConnectListener {

    private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> violations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeConnect(InetSocketAddress target) throws IOException {
        if (!isLoopback(target)) {
            violations.add(target);
            throw new IOException("test guard: connect to non-loopback " + target + " attempted");
        }
        connects.add(target);
    }

    /** Loopback, including ::ffff:127.x.x.x kept as a 16-byte address (Java's isLoopbackAddress misses it). */
    private static boolean isLoopback(InetSocketAddress target) {
        if (target.getAddress().isLoopbackAddress()) {
            return true;
        }
        byte[] b = target.getAddress().getAddress();
        if (b.length != 16 || b[10] != (byte) 0xff || b[11] != (byte) 0xff || b[12] != 127) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    List<InetSocketAddress> connects() {
        return connects;
    }

    List<InetSocketAddress> violations() {
        return violations;
    }
}
