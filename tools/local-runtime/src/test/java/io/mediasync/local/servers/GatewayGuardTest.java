package io.mediasync.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class GatewayGuardTest {

    private static Headers headers(String... nameValues) {
        Headers h = new Headers();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.add(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    @Test
    void theCommandLineAndScriptsOnThisMachineAreServed() {
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3000"), 3000)).isEmpty();
        assertThat(GatewayGuard.refusal(headers("Host", "localhost:3000"), 3000)).isEmpty();
        assertThat(GatewayGuard.refusal(headers("Host", "LOCALHOST:3000"), 3000)).isEmpty();
        assertThat(GatewayGuard.refusal(headers("Host", "[::1]:3000"), 3000)).isEmpty();
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "http://localhost:5173"), 3000)).isEmpty();
    }

    @Test
    void dnsRebindingAndOtherWebPagesAreRefused() {
        // a hostile name resolving to 127.0.0.1 still sends its own name as Host
        assertThat(GatewayGuard.refusal(headers("Host", "rebind.attacker.example:3000"), 3000)).contains(
                "the local HTTP API answers requests for 127.0.0.1, [::1] or localhost on port 3000 only (Host: rebind.attacker.example:3000)");
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1.attacker.example"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers(), 3000)).isPresent();
        // a page elsewhere posting to http://127.0.0.1:3000 carries its Origin
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "https://attacker.example"), 3000)).contains(
                "the local HTTP API does not answer web pages of other origins (Origin: https://attacker.example)");
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "null"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "file://localhost/x.html"), 3000)).isPresent();
    }

    @Test
    void onlyTheStacksOwnPortAndTheThreeLoopbackNamesAreThisServer() {
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1:3001"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.1"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers("Host", "127.0.0.2:3000"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers("Host", "[::1]"), 3000)).isPresent();
        assertThat(GatewayGuard.refusal(headers("Host", "::1:3000"), 3000)).isPresent();
    }

    @Test
    void bodiesAreCapped() throws Exception {
        assertThat(GatewayGuard.body(new ByteArrayInputStream(new byte[GatewayGuard.MAX_BODY_BYTES]))).isPresent();
        assertThat(GatewayGuard.body(new ByteArrayInputStream(new byte[GatewayGuard.MAX_BODY_BYTES + 1]))).isEmpty();
    }
}
