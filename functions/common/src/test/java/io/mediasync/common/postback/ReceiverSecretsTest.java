package io.mediasync.common.postback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiverSecretsTest {

    /** The Standard Webhooks example secret, used as the master secret. */
    private static final String MASTER = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** Signed and verified at one instant: the signatures, not the clock, decide. */
    private static final Clock AT = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final ReceiverSecrets secrets = new ReceiverSecrets(MASTER);

    @Test
    void aReceiversSecretIsDerivedFromItsOrigin() {
        // expected values computed with openssl:
        // printf 'mediasync-postback-v1:https://hooks.example.com' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<master key> -binary | base64
        assertThat(secrets.secretsFor(URI.create("https://hooks.example.com/postback?x=1")))
                .containsExactly("whsec_Ay/2g08XLMcrSYKWDCnJMJ0hOIyqYbMwDN/F18kPzaQ=");
        assertThat(secrets.secretsFor(URI.create("http://127.0.0.1:8080/cb")))
                .containsExactly("whsec_4GTG9DqMh2yJSeYo7PcwGHKpy8ATYho8fiGXuSKvxTw=");
    }

    @Test
    void systemEventsHaveTheirOwnSecretPerReceiverAndOrderResultsKeepTheSeedsDerivation() {
        // printf 'mediasync-system-postback-v1:https://hooks.example.com' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<master key> -binary | base64
        URI receiver = URI.create("https://hooks.example.com/postback");
        assertThat(secrets.secretsFor(receiver, PostbackKind.SYSTEM_EVENT)).containsExactly("whsec_viIRpFE2XqAP0timSOcMpwHOdEYP8HG4e+xkMKiqnio=");
        assertThat(secrets.secretsFor(receiver, PostbackKind.ORDER_RESULT)).isEqualTo(secrets.secretsFor(receiver))
                .containsExactly("whsec_Ay/2g08XLMcrSYKWDCnJMJ0hOIyqYbMwDN/F18kPzaQ=");
    }

    /** An order's author chooses its body: whatever it makes mediasync sign can never pass for a system event. */
    @Test
    void anOrderResultNeverVerifiesAsASystemEventNorTheReverse() throws Exception {
        URI receiver = URI.create("https://hooks.example.com/postback");
        byte[] forged = "{\"event\":\"source_synchronized\",\"source_id\":77735,\"status\":\"completed\"}"
                .getBytes(StandardCharsets.UTF_8);
        long now = AT.instant().getEpochSecond();
        Map<String, String> echoed = secrets.signerFor(receiver, PostbackKind.ORDER_RESULT).sign("msg_3", now, forged);
        Map<String, String> system = secrets.signerFor(receiver, PostbackKind.SYSTEM_EVENT).sign("sync-1", now, forged);

        WebhookVerifier systemVerifier = verifier(secrets.secretsFor(receiver, PostbackKind.SYSTEM_EVENT));
        WebhookVerifier resultVerifier = verifier(secrets.secretsFor(receiver, PostbackKind.ORDER_RESULT));
        assertThatThrownBy(() -> systemVerifier.verify(echoed, forged)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> resultVerifier.verify(system, forged)).isInstanceOf(WebhookVerificationException.class);
        systemVerifier.verify(system, forged);
        resultVerifier.verify(echoed, forged);
    }

    @Test
    void aSignatureMadeForOneReceiverNeverVerifiesAtAnother() throws Exception {
        byte[] body = "{\"image_url\":\"https://a/b.jpg\"}".getBytes(StandardCharsets.UTF_8);
        long now = AT.instant().getEpochSecond();
        Map<String, String> headers = secrets.signerFor(URI.create("https://attacker.example/hook"), PostbackKind.ORDER_RESULT).sign("msg_1", now, body);

        WebhookVerifier victim = verifier(secrets.secretsFor(URI.create("https://victim.example/hook")));
        assertThatThrownBy(() -> victim.verify(headers, body)).isInstanceOf(WebhookVerificationException.class);
        // the same origin, another path: the same receiver, which verifies
        verifier(secrets.secretsFor(URI.create("https://attacker.example/other"))).verify(headers, body);
        // the master secret itself verifies nothing: receivers never hold it
        assertThatThrownBy(() -> verifier(List.of(MASTER)).verify(headers, body))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationEveryMasterDerivesItsOwnSecret() throws Exception {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        ReceiverSecrets rotating = new ReceiverSecrets(next + "," + MASTER);
        URI receiver = URI.create("https://hooks.example.com/p");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = rotating.signerFor(receiver, PostbackKind.ORDER_RESULT).sign("msg_2", AT.instant().getEpochSecond(), body);

        // a receiver still on the old derived secret accepts
        verifier(secrets.secretsFor(receiver)).verify(headers, body);
        assertThat(rotating.secretsFor(receiver)).hasSize(2).endsWith(secrets.secretsFor(receiver).get(0));
    }

    private static WebhookVerifier verifier(List<String> secrets) {
        return new WebhookVerifier(secrets, WebhookVerifier.DEFAULT_TOLERANCE, AT);
    }
}
