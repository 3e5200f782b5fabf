package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the client refuses before any packet: blocked addresses, however spelled, and bad URLs. */
class SafeHttpClientGuardTest extends SafeHttpClientFixture {

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://192.168.1.1:8080/",
            "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/",
            "http://[::1]/", "http://0.0.0.0/", "http://0xa9fea9fe/", "http://2852039166/", "http://012.1.2.3/",
            "http://[64:ff9b::a01:203]/", "http://[2002:a01:203::1]/", "https://100.64.0.1/"})
    void ipLiteralsAreCheckedWithoutConnectingOrResolving(String url) {
        FetchException e = failure(() -> client.get(URI.create(url)));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).isEmpty();
        assertThat(names.lookups()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata.test", "intranet.test", "mapped.test", "mixed.test"})
    void namesResolvingToRefusedAddressesAreBlockedBeforeConnecting(String host) {
        FetchException e = failure(() -> client.get(URI.create("http://" + host + ":" + server.port() + "/ok")));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "2130706433", "0177.0.0.1", "127.0.0.1", "[::ffff:127.0.0.1]", "mapped-loopback.test"})
    void numericSpellingsOfLoopbackReallyMeanLoopback(String host) throws Exception {
        FetchedBody fetched = client.get(URI.create("http://" + host + ":" + server.port() + "/ok"));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(guard.connects()).hasSize(1);
        assertThat(guard.connects().get(0).getPort()).isEqualTo(server.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0x7f000001", "2130706433", "0177.0.0.1", "images.test", "[::ffff:127.0.0.1]"})
    void defaultPolicyRefusesEvenTheLoopbackServer(String host) throws Exception {
        try (SafeHttpClient strict = newClient(AddressPolicy.defaults(), LIMITS)) {
            FetchException e = failure(() -> strict.get(URI.create("http://" + host + ":" + server.port() + "/ok")));

            assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
            assertThat(e.getMessage()).contains("127.0.0.1 is loopback");
        }
        assertThat(guard.connects()).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @Test
    void postIsGuardedToo() throws Exception {
        try (SafeHttpClient strict = newClient(AddressPolicy.defaults(), LIMITS)) {
            FetchException e = failure(() -> strict.post(URI.create(server.url("/echo")), new byte[0], null, Map.of()));
            assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        }
        FetchException e = failure(() -> client.post(URI.create("http://metadata.test/"), new byte[0], null, Map.of()));
        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).isEmpty();
    }

    // ---- bad URLs: rejected before any lookup or connect

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "ftp://127.0.0.1/", "/ok",
            "http://user:pw@127.0.0.1/ok", "http://127.1/", "http://1.2.3.999/"})
    void areRejectedBeforeAnyNetworkActivity(String url) {
        FetchException e = failure(() -> client.get(URI.create(url)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_URL);
        assertThat(e.code()).isEqualTo("bad_url");
        assertThat(e.retryable()).isFalse();
        assertThat(guard.connects()).isEmpty();
        assertThat(names.lookups()).isEmpty();
    }

    @Test
    void nullIsABadUrl() {
        assertThat(failure(() -> client.get(null)).kind()).isEqualTo(Kind.BAD_URL);
    }
}
