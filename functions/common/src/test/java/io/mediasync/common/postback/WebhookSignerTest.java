package io.mediasync.common.postback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignerTest {

    /** The Standard Webhooks reference test vector. */
    static final String REFERENCE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String REFERENCE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long REFERENCE_TIMESTAMP = 1614265330L;
    static final byte[] REFERENCE_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String REFERENCE_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void matchesTheStandardWebhooksReferenceVector() {
        Map<String, String> headers = new WebhookSigner(List.of(REFERENCE_SECRET))
                .sign(REFERENCE_ID, REFERENCE_TIMESTAMP, REFERENCE_BODY);

        assertThat(headers).containsExactly(
                Map.entry("webhook-id", REFERENCE_ID),
                Map.entry("webhook-timestamp", "1614265330"),
                Map.entry("webhook-signature", REFERENCE_SIGNATURE));
    }

    @Test
    void signsWithEverySecretDuringRotation() {
        String other = WebhookSigner.generateSecret();
        String header = new WebhookSigner(List.of(other, REFERENCE_SECRET))
                .sign(REFERENCE_ID, REFERENCE_TIMESTAMP, REFERENCE_BODY)
                .get(WebhookHeaders.SIGNATURE);

        String[] entries = header.split(" ");
        assertThat(entries).hasSize(2);
        assertThat(entries[0]).startsWith("v1,").isNotEqualTo(REFERENCE_SIGNATURE);
        assertThat(entries[1]).isEqualTo(REFERENCE_SIGNATURE);
    }

    @Test
    void fromConfigSplitsOnCommas() {
        WebhookSigner signer = WebhookSigner.fromConfig(" " + REFERENCE_SECRET + " , " + WebhookSigner.generateSecret() + ",");
        assertThat(signer.sign("m", 1, new byte[0]).get(WebhookHeaders.SIGNATURE).split(" ")).hasSize(2);
    }

    @Test
    void generatedSecretsAreRandom32ByteKeys() {
        String secret = WebhookSigner.generateSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.generateSecret()).isNotEqualTo(secret);
        assertThat(new WebhookSigner(List.of(secret)).sign("m", 1, new byte[0])).containsKey(WebhookHeaders.SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not*base64*at-all-but-long-enough",
            "whsec_c2hvcnQ=", "wh_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "   "})
    void rejectsMalformedSecretsWithoutEchoingThem(String secret) {
        assertThatThrownBy(() -> new WebhookSigner(List.of(REFERENCE_SECRET, secret)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook secret 2 of 2 is malformed")
                .hasNoCause()
                .satisfies(e -> {
                    String body = secret.startsWith("whsec_") ? secret.substring(6) : secret.trim();
                    if (!body.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(body);
                    }
                });
        assertThatThrownBy(() -> new WebhookVerifier(List.of(secret)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void requiresAtLeastOneSecret() {
        assertThatThrownBy(() -> new WebhookSigner(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSigner.fromConfig("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSigner.fromConfig(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsSecrets() {
        assertThat(new WebhookSigner(List.of(REFERENCE_SECRET)).toString()).doesNotContain("MfKQ9r8G");
        assertThat(new WebhookVerifier(List.of(REFERENCE_SECRET)).toString()).doesNotContain("MfKQ9r8G");
    }
}
