package io.mediasync.common.net;

import static io.mediasync.common.net.SpecialPurposeRanges.IPV4_COMPATIBLE;
import static io.mediasync.common.net.SpecialPurposeRanges.IPV4_MAPPED;
import static io.mediasync.common.net.SpecialPurposeRanges.NAT64;
import static io.mediasync.common.net.SpecialPurposeRanges.SIX_TO_FOUR;
import static io.mediasync.common.net.SpecialPurposeRanges.TEREDO;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an address may be connected to. Default: only global unicast.
 *
 * <p>Refused: loopback, unspecified, link-local (incl. cloud metadata), private, CGNAT, unique-local,
 * site-local, multicast, broadcast, reserved, IETF protocol, benchmarking and documentation ranges,
 * and IPv6 outside 2000::/3. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4, Teredo) are judged by that IPv4 address. Explicit allowances (local development, tests)
 * override all of this: networks ({@link Cidr}), or, narrower, single servers ({@link AllowedOrigin}, an address
 * and a port), which only a check that knows the port can grant: {@link #refusalReason(InetAddress, int)}, as the
 * guarded resolver and socket make it at connect time. Immutable and thread-safe.
 */
public final class AddressPolicy {

    private static final AddressPolicy DEFAULTS = new AddressPolicy(List.of(), List.of());

    private final List<Cidr> allowList;
    private final List<AllowedOrigin> allowedOrigins;

    private AddressPolicy(List<Cidr> allowList, List<AllowedOrigin> allowedOrigins) {
        this.allowList = List.copyOf(allowList);
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Blocks everything that is not public (global unicast). */
    public static AddressPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A new policy that also allows the given networks, e.g. {@code "127.0.0.0/8"}, {@code "::1/128"}.
     *
     * @throws IllegalArgumentException if a CIDR is malformed
     */
    public AddressPolicy allowing(List<String> cidrs) {
        List<Cidr> combined = new ArrayList<>(allowList);
        for (String cidr : Objects.requireNonNull(cidrs, "cidrs")) {
            combined.add(Cidr.parse(cidr));
        }
        return new AddressPolicy(combined, allowedOrigins);
    }

    /**
     * A new policy that also allows the given servers, each an IP literal and a port: {@code "127.0.0.1:9001"},
     * {@code "[::1]:9001"}; other ports of the same address stay refused.
     *
     * @throws IllegalArgumentException if an origin is not {@code IP:port}
     */
    public AddressPolicy allowingOrigins(List<String> origins) {
        List<AllowedOrigin> combined = new ArrayList<>(allowedOrigins);
        for (String origin : Objects.requireNonNull(origins, "origins")) {
            combined.add(AllowedOrigin.parse(origin));
        }
        return new AddressPolicy(allowList, combined);
    }

    /** Builds a policy from configuration such as {@code "127.0.0.0/8, ::1/128"}; blank or null = defaults. */
    public static AddressPolicy fromAllowList(String commaSeparatedCidrs) {
        return fromSettings(commaSeparatedCidrs, null);
    }

    /**
     * Builds a policy from the two settings: networks ({@code "127.0.0.0/8"}) and servers ({@code "127.0.0.1:9001"}),
     * each comma separated; blank or null allows nothing more than the defaults.
     */
    public static AddressPolicy fromSettings(String commaSeparatedCidrs, String commaSeparatedOrigins) {
        List<String> cidrs = items(commaSeparatedCidrs);
        List<String> origins = items(commaSeparatedOrigins);
        return cidrs.isEmpty() && origins.isEmpty() ? defaults() : defaults().allowing(cidrs).allowingOrigins(origins);
    }

    private static List<String> items(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The allow-listed networks, in configuration order. */
    public List<Cidr> allowList() {
        return allowList;
    }

    /** The allowed servers (address and port), in configuration order. */
    public List<String> allowedOrigins() {
        return allowedOrigins.stream().map(AllowedOrigin::toString).toList();
    }

    /**
     * Empty when {@code address:port} may be connected to: an allowed server, or an address allowed on every port.
     * The check to make wherever the port is known.
     */
    public Optional<String> refusalReason(InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        for (AllowedOrigin origin : allowedOrigins) {
            if (origin.matches(address, port)) {
                return Optional.empty();
            }
        }
        return refusalReason(address).map(reason -> allowedOrigins.isEmpty() ? reason
                : reason + " (of its ports, only the allowed servers " + allowedOrigins + " may be reached)");
    }

    /** Convenience for {@code refusalReason(address).isEmpty()}. */
    public boolean allows(InetAddress address) {
        return refusalReason(address).isEmpty();
    }

    /**
     * Empty when {@code address} may be connected to on any port; otherwise a short reason,
     * e.g. {@code "169.254.169.254 is link-local (cloud metadata)"}. Allowed servers do not count here: they are
     * allowed on one port only.
     */
    public Optional<String> refusalReason(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (isAllowListed(address)) {
            return Optional.empty();
        }
        if (address instanceof Inet4Address) {
            return SpecialPurposeRanges.firstMatch(SpecialPurposeRanges.IPV4, address)
                    .map(description -> describe(address) + " is " + description);
        }
        return ipv6RefusalReason(address);
    }

    private Optional<String> ipv6RefusalReason(InetAddress address) {
        Optional<String> special = SpecialPurposeRanges.firstMatch(SpecialPurposeRanges.IPV6, address);
        if (special.isPresent()) {
            return special.map(description -> describe(address) + " is " + description);
        }
        byte[] bytes = address.getAddress();
        if (IPV4_MAPPED.cidr().contains(bytes)) {
            return embedded(address, IPV4_MAPPED.name(), SpecialPurposeRanges.ipv4At(bytes, 12, false));
        }
        if (IPV4_COMPATIBLE.cidr().contains(bytes)) {
            return embedded(address, IPV4_COMPATIBLE.name(), SpecialPurposeRanges.ipv4At(bytes, 12, false));
        }
        if (NAT64.cidr().contains(bytes)) {
            return embedded(address, NAT64.name(), SpecialPurposeRanges.ipv4At(bytes, 12, false));
        }
        if (SIX_TO_FOUR.cidr().contains(bytes)) {
            return embedded(address, SIX_TO_FOUR.name(), SpecialPurposeRanges.ipv4At(bytes, 2, false));
        }
        if (TEREDO.cidr().contains(bytes)) {
            // Teredo carries the relay server (bits 32..63) and the client, bit-inverted (last 32 bits).
            Optional<String> server = embedded(address, "Teredo server", SpecialPurposeRanges.ipv4At(bytes, 4, false));
            return server.isPresent()
                    ? server
                    : embedded(address, "Teredo client", SpecialPurposeRanges.ipv4At(bytes, 12, true));
        }
        if (!SpecialPurposeRanges.IPV6_GLOBAL_UNICAST.contains(bytes)) {
            return Optional.of(describe(address) + " is reserved (outside global unicast 2000::/3)");
        }
        return Optional.empty();
    }

    private Optional<String> embedded(InetAddress outer, String form, InetAddress ipv4) {
        return refusalReason(ipv4)
                .map(inner -> describe(outer) + " embeds " + ipv4.getHostAddress() + " (" + form + "); " + inner);
    }

    private boolean isAllowListed(InetAddress address) {
        for (Cidr cidr : allowList) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(InetAddress address) {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return allowList.isEmpty() && allowedOrigins.isEmpty() ? "AddressPolicy[global unicast only]"
                : "AddressPolicy[global unicast + " + allowList + " + " + allowedOrigins + "]";
    }
}
