package io.mediasync.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediasync.common.postback.ReceiverSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mediasync postback-secret}: the secret a receiver verifies with, from the local stack's master secret. */
class PostbackSecretCommandTest {

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
