package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static io.mediasync.common.net.TestAddresses.rawIpv4Mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedSocketTest {

    private final ConnectGuard guard = new ConnectGuard();
    private final AddressPolicy loopbackAllowed = AddressPolicy.defaults().allowing(List.of("127.0.0.0/8"));

    @Test
    void refusesBeforeConnecting() throws Exception {
        for (InetAddress address : List.of(ip("10.1.2.3"), ip("169.254.169.254"), rawIpv4Mapped("10.0.0.1"), ip("::1"))) {
            try (GuardedSocket socket = new GuardedSocket(loopbackAllowed, guard)) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, 80), 100))
                        .as(address.toString())
                        .isInstanceOf(BlockedAddressException.class);
                assertThat(socket.isConnected()).isFalse();
            }
        }
        assertThat(guard.connects()).isEmpty();
        assertThat(guard.violations()).isEmpty();
    }

    @Test
    void refusesUnresolvedAddresses() throws Exception {
        try (GuardedSocket socket = new GuardedSocket(loopbackAllowed, guard)) {
            assertThatThrownBy(() -> socket.connect(InetSocketAddress.createUnresolved("example.com", 80)))
                    .isInstanceOf(BlockedAddressException.class);
        }
        assertThat(guard.connects()).isEmpty();
    }

    @Test
    void connectsToAllowedAddresses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, ip("127.0.0.1"));
             GuardedSocket socket = new GuardedSocket(loopbackAllowed, guard)) {
            InetSocketAddress target = new InetSocketAddress(ip("127.0.0.1"), server.getLocalPort());
            socket.connect(target, 1000);
            assertThat(socket.isConnected()).isTrue();
            assertThat(guard.connects()).containsExactly(target);
        }
    }
}
