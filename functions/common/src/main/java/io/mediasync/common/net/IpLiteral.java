package io.mediasync.common.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises hosts that are IP addresses, in every spelling a browser or {@code inet_aton} accepts:
 * {@code [::1]}, {@code 127.0.0.1}, {@code 0x7f000001}, {@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}.
 *
 * <p>Why not leave this to DNS: {@code InetAddress} reads {@code 0177.0.0.1} as 177.0.0.1 while
 * browsers and the C resolver read it as 127.0.0.1, and a hex spelling would be sent to DNS. Following the
 * WHATWG URL rules (a host whose last label is numeric is IPv4, or invalid) gives one answer, and the
 * address is then checked by the policy without any lookup.
 */
final class IpLiteral {

    private static final BigInteger IPV4_LIMIT = BigInteger.ONE.shiftLeft(32);

    private IpLiteral() {
    }

    /**
     * The address when {@code host} is an IP literal, empty when it is a DNS name.
     *
     * @throws IllegalArgumentException when it looks like an IP literal but is not a valid one
     */
    static Optional<InetAddress> parse(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (host.startsWith("[") || host.contains(":")) {
            return Optional.of(parseIpv6(host));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = name.split("\\.", -1);
        if (!isNumber(labels[labels.length - 1])) {
            return Optional.empty();
        }
        return Optional.of(parseIpv4(labels, host));
    }

    private static InetAddress parseIpv6(String host) {
        String inner = host;
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new IllegalArgumentException("unterminated IPv6 literal");
            }
            inner = host.substring(1, host.length() - 1);
        }
        // Zone ids (%eth0) are refused: they only make sense for link-local addresses.
        if (!inner.contains(":") || !inner.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("invalid IPv6 literal");
        }
        try {
            // Safe: a string with ':' is parsed as an IPv6 literal by the JDK, never looked up.
            return InetAddress.getByName(inner);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IPv6 literal", e);
        }
    }

    private static InetAddress parseIpv4(String[] labels, String host) {
        if (labels.length > 4) {
            throw new IllegalArgumentException("invalid IPv4 literal '" + host + "'");
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < labels.length; i++) {
            BigInteger part = parsePart(labels[i], host);
            boolean last = i == labels.length - 1;
            // Leading parts are one byte each; the last part fills the remaining bytes.
            BigInteger limit = last ? BigInteger.ONE.shiftLeft(8 * (4 - i)) : BigInteger.valueOf(256);
            if (part.compareTo(limit) >= 0) {
                throw new IllegalArgumentException("IPv4 literal out of range '" + host + "'");
            }
            value = last ? value.add(part) : value.add(part.shiftLeft(8 * (3 - i)));
        }
        if (value.compareTo(IPV4_LIMIT) >= 0) {
            throw new IllegalArgumentException("IPv4 literal out of range '" + host + "'");
        }
        long bits = value.longValue();
        byte[] bytes = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: four bytes
        }
    }

    private static boolean isNumber(String label) {
        return label.matches("[0-9]+") || label.matches("0[xX][0-9a-fA-F]*");
    }

    private static BigInteger parsePart(String part, String host) {
        if (part.length() > 40) {
            throw new IllegalArgumentException("IPv4 literal out of range '" + host + "'");
        }
        if (part.matches("0[xX][0-9a-fA-F]*")) {
            return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
        }
        if (part.matches("0[0-7]+")) {
            return new BigInteger(part.substring(1), 8);
        }
        if (part.matches("0|[1-9][0-9]*")) {
            return new BigInteger(part);
        }
        throw new IllegalArgumentException("invalid IPv4 literal '" + host + "'");
    }
}
