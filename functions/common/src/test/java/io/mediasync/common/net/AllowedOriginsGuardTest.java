package io.mediasync.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediasync.common.net.FetchException.Kind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FETCH_ALLOW_ORIGINS as the local runtime sets it: its image server's port on 127.0.0.1 and [::1], nothing else.
 * A second server on 127.0.0.1 stands for the local S3 (or SQS, MongoDB): an order for it is refused by the guard
 * before any connect, directly or through a redirect from the allowed server, and it never sees a request.
 */
class AllowedOriginsGuardTest extends SafeHttpClientFixture {

    private LoopbackServer localS3;
    private SafeHttpClient imagesOnly;

    @BeforeEach
    void imageServerAllowedOnly() throws Exception {
        localS3 = new LoopbackServer();
        imagesOnly = newClient(AddressPolicy.fromSettings("", "127.0.0.1:" + server.port() + ",[::1]:" + server.port()), LIMITS);
    }

    @AfterEach
    void closeLocalS3() throws Exception {
        imagesOnly.close();
        localS3.close();
    }

    @Test
    void anOrderForTheLocalS3PortIsRefusedWithoutAPacket() {
        FetchException e = failure(() -> imagesOnly.get(URI.create("http://127.0.0.1:" + localS3.port() + "/images-ch/any.jpg")));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(e.getMessage()).contains("127.0.0.1 is loopback (of its ports, only the allowed servers [127.0.0.1:" + server.port()
                + ", [0:0:0:0:0:0:0:1]:" + server.port() + "] may be reached)");
        assertThat(guard.connects()).isEmpty();
        assertThat(localS3.requests()).isZero();
    }

    @Test
    void theImageServerIsReachedByAddressAndByName() throws Exception {
        assertThat(imagesOnly.get(URI.create(server.url("/ok"))).status()).isEqualTo(200);
        assertThat(imagesOnly.get(URI.create("http://images.test:" + server.port() + "/ok")).status()).isEqualTo(200);
        assertThat(guard.connects()).containsExactly(loopbackServer(), loopbackServer());

        FetchException byName = failure(() -> imagesOnly.get(URI.create("http://images.test:" + localS3.port() + "/ok")));
        assertThat(byName.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).hasSize(2);
        assertThat(localS3.requests()).isZero();
    }

    @Test
    void aRedirectFromTheImageServerToTheLocalS3IsRefusedBeforeConnecting() {
        FetchException e = failure(() -> imagesOnly.get(redirectTo("http://127.0.0.1:" + localS3.port() + "/images-ch/any.jpg")));

        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
        assertThat(guard.connects()).containsExactly(loopbackServer());
        assertThat(server.requests()).isEqualTo(1);
        assertThat(localS3.requests()).isZero();
    }

    @Test
    void theSettingTakesIpAndPortOnly() {
        assertThat(AddressPolicy.fromSettings(null, " 127.0.0.1:9001 , [::1]:9001 ,").allowedOrigins())
                .containsExactly("127.0.0.1:9001", "[0:0:0:0:0:0:0:1]:9001");
        assertThat(AddressPolicy.fromSettings("", "").allowedOrigins()).isEmpty();
        for (String bad : List.of("localhost:9001", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "::1:9001", "127.0.0.1:x")) {
            assertThatThrownBy(() -> AddressPolicy.fromSettings("", bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("an allowed origin");
        }
    }

    @Test
    void anAllowedServerIsOnePortOfItsAddressNotTheAddress() {
        AddressPolicy policy = AddressPolicy.fromSettings("", "127.0.0.1:9001");

        assertThat(policy.refusalReason(TestAddresses.ip("127.0.0.1"), 9001)).isEmpty();
        assertThat(policy.refusalReason(TestAddresses.ip("127.0.0.1"), 9000)).isPresent();
        assertThat(policy.refusalReason(TestAddresses.ip("127.0.0.2"), 9001)).isPresent();
        assertThat(policy.refusalReason(TestAddresses.ip("127.0.0.1"))).isPresent();
    }
}
