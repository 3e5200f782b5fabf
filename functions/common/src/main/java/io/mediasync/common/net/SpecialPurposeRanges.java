package io.mediasync.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges mediasync never connects to (unless allow-listed), with a human reason each.
 *
 * <p>Written by hand rather than with {@code InetAddress.isSiteLocalAddress()} and friends or a library:
 * the JDK predicates miss CGNAT, documentation, benchmarking, NAT64, 6to4, Teredo and unique-local
 * ranges, and the decision must be explicit and testable. It is only a handful of CIDR checks.
 * Order matters: the first matching range gives the reason, so specific ranges come first.
 */
final class SpecialPurposeRanges {

    /** A blocked range and why. */
    record Range(Cidr cidr, String description) {
        static Range of(String cidr, String description) {
            return new Range(Cidr.parse(cidr), description);
        }
    }

    /** An IPv6 form that carries an IPv4 address; such addresses are judged by the IPv4 address. */
    record EmbeddingForm(Cidr cidr, String name) {
        static EmbeddingForm of(String cidr, String name) {
            return new EmbeddingForm(Cidr.parse(cidr), name);
        }
    }

    static final List<Range> IPV4 = List.of(
            Range.of("255.255.255.255/32", "broadcast"),
            Range.of("0.0.0.0/8", "unspecified (\"this network\")"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.169.254/32", "link-local (cloud metadata)"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            Range.of("192.0.0.0/24", "reserved for IETF protocol assignments"),
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved"));

    static final List<Range> IPV6 = List.of(
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("fd00:ec2::254/128", "unique-local (cloud metadata)"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("fc00::/7", "unique-local"),
            Range.of("ff00::/8", "multicast"),
            Range.of("100::/64", "discard-only"),
            Range.of("64:ff9b:1::/48", "local-use NAT64"),
            Range.of("2001:db8::/32", "documentation"));

    static final EmbeddingForm IPV4_MAPPED = EmbeddingForm.of("::ffff:0:0/96", "IPv4-mapped");
    static final EmbeddingForm IPV4_COMPATIBLE = EmbeddingForm.of("::/96", "IPv4-compatible");
    static final EmbeddingForm NAT64 = EmbeddingForm.of("64:ff9b::/96", "NAT64");
    static final EmbeddingForm SIX_TO_FOUR = EmbeddingForm.of("2002::/16", "6to4");
    static final EmbeddingForm TEREDO = EmbeddingForm.of("2001::/32", "Teredo");

    /** Everything outside 2000::/3 that is not an embedding form is not global unicast. */
    static final Cidr IPV6_GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private SpecialPurposeRanges() {
    }

    static Optional<String> firstMatch(List<Range> ranges, InetAddress address) {
        for (Range range : ranges) {
            if (range.cidr().contains(address)) {
                return Optional.of(range.description());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address at {@code offset} in a 16-byte address, optionally bit-inverted (Teredo client). */
    static InetAddress ipv4At(byte[] ipv6, int offset, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~ipv6[offset + i] : ipv6[offset + i]);
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: four bytes is always a valid length
        }
    }
}
