package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static io.mediasync.common.net.TestAddresses.rawIpv4Mapped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A resolver for tests: fixed test names, no DNS ever; records what it was asked. */
final class MappedResolver implements HostResolver {

    private final Map<String, InetAddress[]> names = Map.of(
            "metadata.test", new InetAddress[] {ip("169.254.169.254")},
            "intranet.test", new InetAddress[] {ip("10.1.2.3")},
            "mapped.test", new InetAddress[] {rawIpv4Mapped("10.0.0.1")},
            "mapped-loopback.test", new InetAddress[] {rawIpv4Mapped("127.0.0.1")},
            "images.test", new InetAddress[] {ip("127.0.0.1")},
            "other.test", new InetAddress[] {ip("127.0.0.1")},
            "mixed.test", new InetAddress[] {ip("127.0.0.1"), ip("10.1.2.3")});

    private final List<String> lookups = new CopyOnWriteArrayList<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        lookups.add(host);
        InetAddress[] addresses = names.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host + " is not a test name");
        }
        return addresses.clone();
    }

    List<String> lookups() {
        return lookups;
    }
}
