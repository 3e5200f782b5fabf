package io.mediasync.common.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's name resolution, run at connect time for every hop: IP literals are parsed here, names go
 * through the {@link HostResolver}, and if ANY resulting address is refused the host is refused. HttpClient
 * then connects only to the addresses returned here, so DNS rebinding between check and connect is impossible.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final AddressPolicy policy;

    GuardedDnsResolver(HostResolver resolver, AddressPolicy policy) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Without a port, only addresses allowed on every port pass: an allowed server is one port of its address. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookUp(host);
        for (InetAddress address : addresses) {
            refuseIf(host, policy.refusalReason(address));
        }
        return addresses;
    }

    /** HttpClient 5.5 calls this variant, with the port it will connect to: allowed servers are honoured here. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> endpoints = new ArrayList<>();
        for (InetAddress address : lookUp(host)) {
            refuseIf(host, policy.refusalReason(address, port));
            endpoints.add(new InetSocketAddress(address, port));
        }
        return endpoints;
    }

    private static void refuseIf(String host, Optional<String> refusal) throws BlockedAddressException {
        if (refusal.isPresent()) {
            throw new BlockedAddressException(host, refusal.get());
        }
    }

    /** Only used for Kerberos/SPNEGO, which mediasync never does; no reverse lookups. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    private InetAddress[] lookUp(String host) throws UnknownHostException {
        Optional<InetAddress> literal;
        try {
            literal = IpLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
        if (literal.isPresent()) {
            return new InetAddress[] {literal.get()};
        }
        InetAddress[] resolved = resolver.resolve(host);
        if (resolved == null || resolved.length == 0) {
            throw new UnknownHostException(host + ": no addresses");
        }
        return resolved.clone();
    }
}
