package io.mediasync.catalog;

import io.mediasync.common.net.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces DNS in every test of this module: names map to loopback addresses only, anything else is an unknown host.
 * 127.0.0.1 is where the fake catalog listens; 127.0.0.2 is loopback with nothing listening (connection refused).
 */
@Alternative
@Priority(1)
@Singleton
public class TestResolver implements HostResolver {

    public static final String LISTENING = "127.0.0.1";
    public static final String REFUSING = "127.0.0.2";

    private static final Map<String, Deque<String>> NAMES = new ConcurrentHashMap<>();
    private static final List<Long> LOOKUPS = new ArrayList<>();

    /** {@code host} resolves to these addresses in turn; the last one stays. */
    public static void map(String host, String... addresses) {
        NAMES.put(host, new ArrayDeque<>(List.of(addresses)));
    }

    public static void forget(String host) {
        NAMES.remove(host);
    }

    /** When (System.nanoTime) {@code host} was looked up, since the last {@link #map}. */
    public static synchronized List<Long> lookups() {
        return List.copyOf(LOOKUPS);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Deque<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        synchronized (TestResolver.class) {
            LOOKUPS.add(System.nanoTime());
            String address = addresses.size() > 1 ? addresses.poll() : addresses.peek();
            return new InetAddress[] {InetAddress.getByName(address)};
        }
    }

    public static synchronized void clearLookups() {
        LOOKUPS.clear();
    }
}
