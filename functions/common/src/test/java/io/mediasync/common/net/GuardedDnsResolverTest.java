package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

    private final MappedResolver names = new MappedResolver();
    private final GuardedDnsResolver dns =
            new GuardedDnsResolver(names, AddressPolicy.defaults().allowing(List.of("127.0.0.0/8")));

    @Test
    void allowedNamesResolveThroughTheHostResolver() throws Exception {
        assertThat(dns.resolve("images.test")).containsExactly(ip("127.0.0.1"));
        assertThat(names.lookups()).containsExactly("images.test");
    }

    @Test
    void portVariantIsGuardedToo() throws Exception {
        assertThat(dns.resolve("images.test", 8080)).containsExactly(new InetSocketAddress(ip("127.0.0.1"), 8080));
        assertThatThrownBy(() -> dns.resolve("metadata.test", 80))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void refusesWhenAnyAddressIsRefused() {
        assertThatThrownBy(() -> dns.resolve("mixed.test"))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("10.1.2.3 is private");
    }

    @Test
    void refusesRawIpv4MappedIpv6() {
        assertThatThrownBy(() -> dns.resolve("mapped.test"))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("10.0.0.1 is private");
    }

    @Test
    void ipLiteralsAreCheckedWithoutAskingTheResolver() throws Exception {
        for (String literal : List.of("169.254.169.254", "0xa9fea9fe", "2852039166", "::ffff:10.0.0.1", "[::1]", "::1",
                "fe80::1", "10.1.2.3")) {
            assertThatThrownBy(() -> dns.resolve(literal)).as(literal).isInstanceOf(BlockedAddressException.class);
        }
        assertThat(dns.resolve("0x7f000001")).containsExactly(ip("127.0.0.1"));
        assertThat(names.lookups()).isEmpty();
    }

    @Test
    void malformedLiteralsAndUnknownNamesAreUnresolvable() {
        assertThatThrownBy(() -> dns.resolve("1.2.3.999"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> dns.resolve("nowhere.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(BlockedAddressException.class);
    }

    @Test
    void emptyAnswersAreUnresolvable() {
        GuardedDnsResolver empty = new GuardedDnsResolver(host -> new java.net.InetAddress[0], AddressPolicy.defaults());
        assertThatThrownBy(() -> empty.resolve("example.test")).isInstanceOf(UnknownHostException.class);
    }
}
