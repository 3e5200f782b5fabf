package io.mediasync.common.net;

import static io.mediasync.common.net.TestAddresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | 127.0.0.1
            127.0.0.1.         | 127.0.0.1
            0x7f000001         | 127.0.0.1
            0X7F000001         | 127.0.0.1
            2130706433         | 127.0.0.1
            0177.0.0.1         | 127.0.0.1
            0177.0000.0.01     | 127.0.0.1
            127.1              | 127.0.0.1
            127.0.1            | 127.0.0.1
            0x7f.1             | 127.0.0.1
            0xa9.0xfe.0xa9.0xfe | 169.254.169.254
            2852039166         | 169.254.169.254
            167838211          | 10.1.2.3
            0x                 | 0.0.0.0
            0                  | 0.0.0.0
            255.255.255.255    | 255.255.255.255
            4294967295         | 255.255.255.255
            [::1]              | ::1
            ::1                | ::1
            [::ffff:10.0.0.1]  | 10.0.0.1
            [fd00:ec2::254]    | fd00:ec2::254
            """)
    void readsEverySpellingOfAnIpAddress(String host, String address) {
        assertThat(IpLiteral.parse(host)).contains(ip(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "images.test", "1.example", "localhost", "a-0x1", "xn--bcher-kva.example", "0x1g"})
    void namesAreNotLiterals(String host) {
        assertThat(IpLiteral.parse(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.123", "1.2.3.256", "256.1.1.1", "4294967296", "08.0.0.1", "1.2.3.4.5", "1..2",
            "[fe80::1%25eth0]", "fe80::1%eth0", "[::1", "[example.com]", "[1.2.3.4]", "999999999999999999999999",
            "1:2:3:4:5:6:7:8:9"})
    void rejectsMalformedLiterals(String host) {
        assertThatThrownBy(() -> IpLiteral.parse(host)).isInstanceOf(IllegalArgumentException.class);
    }
}
