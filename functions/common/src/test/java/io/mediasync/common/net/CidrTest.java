package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void containsAddressesInsideTheNetworkOnly() {
        Cidr cidr = Cidr.parse("172.16.0.0/12");
        assertThat(cidr.contains(ip("172.16.0.0"))).isTrue();
        assertThat(cidr.contains(ip("172.31.255.255"))).isTrue();
        assertThat(cidr.contains(ip("172.15.255.255"))).isFalse();
        assertThat(cidr.contains(ip("172.32.0.0"))).isFalse();
    }

    @Test
    void bareAddressIsASingleHost() {
        assertThat(Cidr.parse("10.1.2.3")).isEqualTo(Cidr.parse("10.1.2.3/32"));
        assertThat(Cidr.parse("::1")).isEqualTo(Cidr.parse("::1/128"));
        assertThat(Cidr.parse("10.1.2.3").contains(ip("10.1.2.4"))).isFalse();
    }

    @Test
    void familiesNeverMatchEachOther() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void hostBitsAreClearedAndPrinted() {
        Cidr cidr = Cidr.parse(" 10.9.8.7/8 ");
        assertThat(cidr).hasToString("10.0.0.0/8");
        assertThat(cidr.prefixLength()).isEqualTo(8);
        assertThat(Cidr.parse("fe80::1/10").contains(ip("febf::1"))).isTrue();
    }

    @Test
    void networkBytesCannotBeChangedFromOutside() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        cidr.network()[0] = 11;
        assertThat(cidr.contains(ip("10.1.1.1"))).isTrue();
    }

    @Test
    void ipv4MappedNetworksKeepTheirIpv6Form() {
        Cidr mapped = Cidr.parse("::ffff:0:0/96");
        assertThat(mapped.network()).hasSize(16);
        assertThat(mapped.contains(TestAddresses.rawIpv4Mapped("10.0.0.1"))).isTrue();
        assertThat(mapped.contains(ip("10.0.0.1"))).as("an IPv4 address is not in an IPv6 network").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com/8", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0/8",
            "10.0.0.0/x", "1.2.3.4.5", "fe80::1%eth0/64"})
    void rejectsAnythingThatIsNotANumericCidr(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
