package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static io.mediasync.common.net.TestAddresses.rawIpv4Mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy defaults = AddressPolicy.defaults();

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                 | unspecified
            0.255.255.255           | unspecified
            127.0.0.1               | loopback
            127.255.255.255         | loopback
            169.254.169.254         | link-local (cloud metadata)
            169.254.0.1             | link-local
            169.254.255.255         | link-local
            10.0.0.0                | private
            10.255.255.255          | private
            172.16.0.0              | private
            172.31.255.255          | private
            192.168.0.0             | private
            192.168.255.255         | private
            100.64.0.0              | carrier-grade NAT
            100.127.255.255         | carrier-grade NAT
            192.0.0.8               | IETF protocol assignments
            192.0.2.1               | documentation
            198.51.100.7            | documentation
            203.0.113.255           | documentation
            198.18.0.0              | benchmarking
            198.19.255.255          | benchmarking
            224.0.0.1               | multicast
            239.255.255.255         | multicast
            240.0.0.1               | reserved
            255.255.255.254         | reserved
            255.255.255.255         | broadcast
            ::                      | unspecified
            ::1                     | loopback
            fe80::1                 | link-local
            febf:ffff::1            | link-local
            fec0::1                 | site-local
            fc00::1                 | unique-local
            fdff:ffff::1            | unique-local
            fd00:ec2::254           | unique-local (cloud metadata)
            ff02::1                 | multicast
            100::1                  | discard-only
            64:ff9b:1::1            | local-use NAT64
            2001:db8::1             | documentation
            2001:db8:ffff::1        | documentation
            4000::1                 | outside global unicast
            ::ffff:10.0.0.1         | private
            ::ffff:169.254.169.254  | cloud metadata
            ::a00:1                 | embeds 10.0.0.1 (IPv4-compatible); 10.0.0.1 is private
            ::7f00:1                | embeds 127.0.0.1 (IPv4-compatible); 127.0.0.1 is loopback
            64:ff9b::a00:1          | embeds 10.0.0.1 (NAT64); 10.0.0.1 is private
            64:ff9b::a9fe:a9fe      | embeds 169.254.169.254 (NAT64); 169.254.169.254 is link-local (cloud metadata)
            2002:a00:1::            | embeds 10.0.0.1 (6to4); 10.0.0.1 is private
            2002:7f00:1:ffff::1     | embeds 127.0.0.1 (6to4); 127.0.0.1 is loopback
            2001:0:a00:1::f7f7:f7f7 | embeds 10.0.0.1 (Teredo server); 10.0.0.1 is private
            2001:0:4136:e378:8000:63bf:80ff:fffe | embeds 127.0.0.1 (Teredo client); 127.0.0.1 is loopback
            """)
    void refusesNonPublicAddresses(String address, String reason) {
        assertThat(defaults.refusalReason(ip(address))).hasValueSatisfying(r -> assertThat(r).contains(reason));
        assertThat(defaults.allows(ip(address))).isFalse();
    }

    @ParameterizedTest(name = "{0} allowed")
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "93.184.216.34", "223.255.255.255", "1.0.0.0",
            // just outside each blocked IPv4 range
            "9.255.255.255", "11.0.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0",
            "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "100.63.255.255", "100.128.0.0",
            "192.0.1.255", "192.0.3.0", "198.17.255.255", "198.20.0.0", "198.51.99.255", "203.0.114.0",
            // public IPv6, and IPv6 forms embedding a public IPv4 (8.8.8.8)
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1",
            "64:ff9b::808:808", "2002:808:808::1", "::808:808",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
    void allowsPublicAddresses(String address) {
        assertThat(defaults.refusalReason(ip(address))).isEmpty();
    }

    @Test
    void reasonNamesTheAddressAndTheRange() {
        assertThat(defaults.refusalReason(ip("169.254.169.254"))).contains("169.254.169.254 is link-local (cloud metadata)");
        assertThat(defaults.refusalReason(ip("10.1.2.3"))).contains("10.1.2.3 is private");
    }

    @Test
    void javaTurnsMappedLiteralsIntoIpv4ButRawMappedIpv6IsJudgedToo() {
        assertThat(ip("::ffff:10.0.0.1")).isNotInstanceOf(Inet6Address.class);

        var raw = rawIpv4Mapped("10.0.0.1");
        assertThat(raw).isInstanceOf(Inet6Address.class);
        assertThat(defaults.refusalReason(raw)).hasValueSatisfying(r ->
                assertThat(r).contains("embeds 10.0.0.1 (IPv4-mapped); 10.0.0.1 is private"));
        assertThat(defaults.refusalReason(rawIpv4Mapped("169.254.169.254"))).hasValueSatisfying(r ->
                assertThat(r).contains("cloud metadata"));
        assertThat(defaults.refusalReason(rawIpv4Mapped("127.0.0.1"))).isPresent();
        assertThat(defaults.refusalReason(rawIpv4Mapped("8.8.8.8"))).isEmpty();
    }

    @Test
    void allowListOverridesTheBlockList() {
        AddressPolicy local = defaults.allowing(List.of("127.0.0.0/8"));

        assertThat(local.refusalReason(ip("127.0.0.1"))).isEmpty();
        assertThat(local.refusalReason(ip("127.9.9.9"))).isEmpty();
        assertThat(local.refusalReason(ip("10.0.0.1"))).isPresent();
        assertThat(local.refusalReason(ip("169.254.169.254"))).isPresent();
        assertThat(local.refusalReason(ip("::1"))).as("::1 is not in 127.0.0.0/8").isPresent();
        // embedded IPv4 is judged with the allow-list as well
        assertThat(local.refusalReason(rawIpv4Mapped("127.0.0.1"))).isEmpty();
        assertThat(local.refusalReason(ip("64:ff9b::7f00:1"))).isEmpty();
    }

    @Test
    void allowListTakesIpv6AndSingleHosts() {
        AddressPolicy policy = defaults.allowing(List.of("::1/128", "10.1.2.3"));

        assertThat(policy.refusalReason(ip("::1"))).isEmpty();
        assertThat(policy.refusalReason(ip("10.1.2.3"))).isEmpty();
        assertThat(policy.refusalReason(ip("10.1.2.4"))).isPresent();
    }

    @Test
    void allowingReturnsANewPolicy() {
        AddressPolicy local = defaults.allowing(List.of("127.0.0.0/8"));

        assertThat(defaults.refusalReason(ip("127.0.0.1"))).isPresent();
        assertThat(local).isNotSameAs(defaults);
        assertThat(local.allowList()).containsExactly(Cidr.parse("127.0.0.0/8"));
    }

    @Test
    void fromAllowListReadsConfiguration() {
        assertThat(AddressPolicy.fromAllowList(null)).isSameAs(AddressPolicy.defaults());
        assertThat(AddressPolicy.fromAllowList("  ")).isSameAs(AddressPolicy.defaults());

        AddressPolicy policy = AddressPolicy.fromAllowList(" 127.0.0.0/8 , ::1/128 ,");
        assertThat(policy.allowList()).containsExactly(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
        assertThat(policy.refusalReason(ip("::1"))).isEmpty();
    }

    @Test
    void fromAllowListRejectsNamesWithoutLookingThemUp() {
        assertThatThrownBy(() -> AddressPolicy.fromAllowList("localhost"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
