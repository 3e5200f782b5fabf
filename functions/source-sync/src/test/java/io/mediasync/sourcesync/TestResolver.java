package io.mediasync.sourcesync;

import io.mediasync.common.net.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces DNS in every test of this module: {@code localhost} and the names a test maps go to loopback addresses,
 * anything else is an unknown host (IP literals never reach a resolver).
 */
@Alternative
@Priority(1)
@Singleton
public class TestResolver implements HostResolver {

    private static final Map<String, String> NAMES = new ConcurrentHashMap<>(Map.of("localhost", "127.0.0.1"));

    /** {@code host} resolves to {@code loopback} (127.0.0.0/8 or ::1) from now on. */
    public static void map(String host, String loopback) {
        NAMES.put(host, loopback);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        InetAddress resolved = InetAddress.getByName(address);
        if (!resolved.isLoopbackAddress()) {
            throw new UnknownHostException(host + " is mapped off loopback");
        }
        return new InetAddress[] {resolved};
    }
}
