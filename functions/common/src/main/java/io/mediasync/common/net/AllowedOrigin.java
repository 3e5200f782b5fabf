package io.mediasync.common.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * One server the SSRF guard lets through although its address is refused: an IP literal and a port, e.g.
 * {@code 127.0.0.1:9001} or {@code [::1]:9001}. Narrower than a CIDR on purpose: the local runtime allows its own
 * image server this way, and the SQS, S3 and MongoDB ports on the same loopback address stay refused.
 * Names are not accepted (they would need a lookup, and could change).
 */
record AllowedOrigin(InetAddress address, int port) {

    /** @throws IllegalArgumentException unless {@code origin} is {@code IP:port} */
    static AllowedOrigin parse(String origin) {
        String text = origin.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon < text.lastIndexOf(']') || (text.indexOf(':') != colon && !text.startsWith("["))) {
            throw new IllegalArgumentException("an allowed origin is IP:port, e.g. 127.0.0.1:9001 or [::1]:9001: " + origin);
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an allowed origin needs a port, e.g. 127.0.0.1:9001: " + origin);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("an allowed origin's port is 1 to 65535: " + origin);
        }
        Optional<InetAddress> address = IpLiteral.parse(host);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("an allowed origin is an IP address, not a name: " + origin);
        }
        return new AllowedOrigin(address.get(), port);
    }

    /** Whether a connect to {@code address:port} goes to this origin (an IPv4-mapped IPv6 form counts as its IPv4). */
    boolean matches(InetAddress target, int targetPort) {
        return port == targetPort && Arrays.equals(ipv4IfMapped(address), ipv4IfMapped(target));
    }

    private static byte[] ipv4IfMapped(InetAddress a) {
        byte[] bytes = a.getAddress();
        return SpecialPurposeRanges.IPV4_MAPPED.cidr().contains(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    @Override
    public String toString() {
        return (address.getAddress().length == 16 ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
    }
}
