package io.mediasync.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain socket that checks the policy on the exact address it is about to connect to. A second line of
 * defence behind {@link GuardedDnsResolver}: it also covers any path that hands HttpClient a
 * pre-resolved address. Created with {@link Proxy#NO_PROXY} so JVM-wide SOCKS settings are ignored.
 */
final class GuardedSocket extends Socket {

    private final AddressPolicy policy;
    private final ConnectListener listener;

    GuardedSocket(AddressPolicy policy, ConnectListener listener) {
        super(Proxy.NO_PROXY);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
            throw new BlockedAddressException(String.valueOf(endpoint), "only resolved addresses may be connected to");
        }
        Optional<String> refusal = policy.refusalReason(target.getAddress(), target.getPort());
        if (refusal.isPresent()) {
            throw new BlockedAddressException(target.getAddress().getHostAddress(), refusal.get());
        }
        listener.beforeConnect(target);
        super.connect(endpoint, timeout);
    }
}
