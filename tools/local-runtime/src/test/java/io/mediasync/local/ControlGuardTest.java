package io.mediasync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.mediasync.common.postback.ReceiverSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlGuardTest {

    private static Headers headers(String... nameValues) {
        Headers h = new Headers();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.add(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    @Test
    void theCommandLineAndScriptsOnThisMachineAreServed() {
        assertThat(ControlGuard.refusal(headers("Host", "127.0.0.1:3000"))).isEmpty();
        assertThat(ControlGuard.refusal(headers("Host", "localhost:3000"))).isEmpty();
        assertThat(ControlGuard.refusal(headers("Host", "[::1]:3000"))).isEmpty();
        assertThat(ControlGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "http://localhost:5173"))).isEmpty();
    }

    @Test
    void dnsRebindingAndOtherWebPagesAreRefused() {
        // a hostile name resolving to 127.0.0.1 still sends its own name as Host
        assertThat(ControlGuard.refusal(headers("Host", "rebind.attacker.example:3000"))).isPresent();
        assertThat(ControlGuard.refusal(headers("Host", "127.0.0.1.attacker.example"))).isPresent();
        assertThat(ControlGuard.refusal(headers())).isPresent();
        // a page elsewhere posting to http://127.0.0.1:3000 carries its Origin
        assertThat(ControlGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "https://attacker.example"))).isPresent();
        assertThat(ControlGuard.refusal(headers("Host", "127.0.0.1:3000", "Origin", "null"))).isPresent();
    }

    @Test
    void bodiesAreCapped() throws Exception {
        assertThat(ControlGuard.body(new ByteArrayInputStream(new byte[ControlGuard.MAX_BODY_BYTES]))).isPresent();
        assertThat(ControlGuard.body(new ByteArrayInputStream(new byte[ControlGuard.MAX_BODY_BYTES + 1]))).isEmpty();
    }

    @Test
    void postbackSecretPrintsTheReceiversDerivedSecret(@TempDir Path data) throws Exception {
        String master = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Files.writeString(data.resolve("postback-secret"), master + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = PostbackSecretCommand.run(new String[] {"https://hooks.example.com/p"}, Map.of("MEDIASYNC_DATA_DIR",
                data.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("whsec_Ay/2g08XLMcrSYKWDCnJMJ0hOIyqYbMwDN/F18kPzaQ=")
                .isEqualTo(new ReceiverSecrets(master).secretsFor(java.net.URI.create("https://hooks.example.com")).get(0));

        ByteArrayOutputStream system = new ByteArrayOutputStream();
        assertThat(PostbackSecretCommand.run(new String[] {"--system", "https://hooks.example.com/p"}, Map.of("MEDIASYNC_DATA_DIR",
                data.toString()), new PrintStream(system, true, StandardCharsets.UTF_8), System.err)).isZero();
        // printf 'mediasync-system-postback-v1:https://hooks.example.com' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<key> -binary | base64
        assertThat(system.toString(StandardCharsets.UTF_8).trim()).isEqualTo("whsec_viIRpFE2XqAP0timSOcMpwHOdEYP8HG4e+xkMKiqnio=");
    }
}
