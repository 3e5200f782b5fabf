package io.mediasync.common.postback;

import static io.mediasync.common.postback.WebhookSignerTest.REFERENCE_BODY;
import static io.mediasync.common.postback.WebhookSignerTest.REFERENCE_ID;
import static io.mediasync.common.postback.WebhookSignerTest.REFERENCE_SECRET;
import static io.mediasync.common.postback.WebhookSignerTest.REFERENCE_SIGNATURE;
import static io.mediasync.common.postback.WebhookSignerTest.REFERENCE_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final Clock AT_REFERENCE_TIME = Clock.fixed(Instant.ofEpochSecond(REFERENCE_TIMESTAMP), ZoneOffset.UTC);
    private static final String OLD_SECRET = WebhookSigner.generateSecret();
    private static final String NEW_SECRET = WebhookSigner.generateSecret();

    private static WebhookVerifier verifier(String... secrets) {
        return new WebhookVerifier(List.of(secrets), WebhookVerifier.DEFAULT_TOLERANCE, AT_REFERENCE_TIME);
    }

    private static Map<String, String> referenceHeaders() {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", REFERENCE_ID);
        headers.put("webhook-timestamp", Long.toString(REFERENCE_TIMESTAMP));
        headers.put("webhook-signature", REFERENCE_SIGNATURE);
        return headers;
    }

    @Test
    void acceptsTheStandardWebhooksReferenceVector() {
        assertThatCode(() -> verifier(REFERENCE_SECRET).verify(referenceHeaders(), REFERENCE_BODY)).doesNotThrowAnyException();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> headers = Map.of(
                "Webhook-Id", REFERENCE_ID,
                "WEBHOOK-TIMESTAMP", Long.toString(REFERENCE_TIMESTAMP),
                "webhook-Signature", REFERENCE_SIGNATURE);
        assertThatCode(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY)).doesNotThrowAnyException();
    }

    @Test
    void rotationIsAcceptedByReceiversWithEitherSecret() {
        Map<String, String> headers = new WebhookSigner(List.of(NEW_SECRET, OLD_SECRET))
                .sign(REFERENCE_ID, REFERENCE_TIMESTAMP, REFERENCE_BODY);

        assertThatCode(() -> verifier(OLD_SECRET).verify(headers, REFERENCE_BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier(NEW_SECRET).verify(headers, REFERENCE_BODY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier(WebhookSigner.generateSecret()).verify(headers, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no webhook signature matches");
    }

    @Test
    void anyConfiguredSecretMayMatch() {
        Map<String, String> headers = new WebhookSigner(List.of(OLD_SECRET)).sign("msg_1", REFERENCE_TIMESTAMP, REFERENCE_BODY);

        assertThatCode(() -> verifier(NEW_SECRET, OLD_SECRET).verify(headers, REFERENCE_BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(referenceHeaders(), tampered))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no webhook signature matches");
    }

    @Test
    void rejectsATamperedId() {
        Map<String, String> headers = referenceHeaders();
        headers.put("webhook-id", "msg_other");
        assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no webhook signature matches");
    }

    @Test
    void rejectsATamperedTimestamp() {
        Map<String, String> headers = referenceHeaders();
        headers.put("webhook-timestamp", Long.toString(REFERENCE_TIMESTAMP + 1));
        assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no webhook signature matches");
    }

    @Test
    void rejectsTimestampsOutsideTheTolerance() {
        Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;
        Clock later = Clock.offset(AT_REFERENCE_TIME, tolerance.plusSeconds(1));
        Clock earlier = Clock.offset(AT_REFERENCE_TIME, tolerance.plusSeconds(1).negated());
        Clock atEdge = Clock.offset(AT_REFERENCE_TIME, tolerance);

        assertThatThrownBy(() -> new WebhookVerifier(List.of(REFERENCE_SECRET), tolerance, later)
                .verify(referenceHeaders(), REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
        assertThatThrownBy(() -> new WebhookVerifier(List.of(REFERENCE_SECRET), tolerance, earlier)
                .verify(referenceHeaders(), REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too new");
        assertThatCode(() -> new WebhookVerifier(List.of(REFERENCE_SECRET), tolerance, atEdge)
                .verify(referenceHeaders(), REFERENCE_BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void realClockRejectsTheOldReferenceMessage() {
        assertThatThrownBy(() -> new WebhookVerifier(List.of(REFERENCE_SECRET)).verify(referenceHeaders(), REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
    }

    @Test
    void rejectsMissingHeadersNamingThem() {
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            Map<String, String> headers = referenceHeaders();
            headers.remove(name);
            assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY))
                    .isInstanceOf(WebhookVerificationException.class)
                    .hasMessage("missing " + name + " header");
        }
        assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(null, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void rejectsTimestampsThatAreNotUnixSeconds() {
        for (String value : List.of("abc", "-1614265330", "1614265330.5", "2021-02-26T00:00:00Z", "99999999999999999999")) {
            Map<String, String> headers = referenceHeaders();
            headers.put("webhook-timestamp", value);
            assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY))
                    .as(value)
                    .isInstanceOf(WebhookVerificationException.class)
                    .hasMessageContaining("not a unix time in seconds");
        }
    }

    @Test
    void ignoresOtherVersionsAndGarbageEntries() {
        Map<String, String> headers = referenceHeaders();
        headers.put("webhook-signature", "v2,abc v1,!!notbase64!! " + REFERENCE_SIGNATURE + " v1a,xyz");
        assertThatCode(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY)).doesNotThrowAnyException();

        headers.put("webhook-signature", REFERENCE_SIGNATURE.replace("v1,", "v2,"));
        assertThatThrownBy(() -> verifier(REFERENCE_SECRET).verify(headers, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("no v1 signature");
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        Map<String, String> headers = new WebhookSigner(List.of(NEW_SECRET)).sign(REFERENCE_ID, REFERENCE_TIMESTAMP, REFERENCE_BODY);
        assertThatThrownBy(() -> verifier(OLD_SECRET).verify(headers, REFERENCE_BODY))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void rejectsNegativeTolerance() {
        assertThatThrownBy(() -> new WebhookVerifier(List.of(REFERENCE_SECRET), Duration.ofSeconds(-1), AT_REFERENCE_TIME))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
