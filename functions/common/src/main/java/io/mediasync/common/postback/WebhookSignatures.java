package io.mediasync.common.postback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Standard Webhooks v1 scheme: HMAC-SHA256 over {@code id.timestamp.body}. */
final class WebhookSignatures {

    static final String VERSION_PREFIX = "v1,";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignatures() {
    }

    /** The raw HMAC of {@code messageId + "." + timestampSeconds + "." + body}. */
    static byte[] hmac(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, so one per call
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The header form: {@code v1,<base64>}. */
    static String v1(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
        return VERSION_PREFIX + Base64.getEncoder().encodeToString(hmac(secret, messageId, timestampSeconds, body));
    }
}
