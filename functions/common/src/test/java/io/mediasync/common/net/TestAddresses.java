package io.mediasync.common.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Builds addresses from numeric text only, so tests never trigger a DNS lookup. */
final class TestAddresses {

    private TestAddresses() {
    }

    /** A numeric IPv4 or IPv6 literal; anything else fails the test instead of being looked up. */
    static InetAddress ip(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+") || !(literal.contains(":") || literal.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("not a numeric literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A 16-byte ::ffff:a.b.c.d kept as an Inet6Address (InetAddress.getByName would turn it into IPv4). */
    static InetAddress rawIpv4Mapped(String ipv4) {
        byte[] v4 = ip(ipv4).getAddress();
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        try {
            return Inet6Address.getByAddress(null, v6, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
