package io.mediasync.common.postback;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Standard Webhooks (standardwebhooks.com) signer. Secrets look like {@code whsec_<base64>}; with several
 * secrets (rotation) every message is signed with each, so receivers holding either the old or the new
 * secret accept it. Immutable and thread-safe; {@link #toString()} never shows the secrets.
 */
public final class WebhookSigner {

    private static final int GENERATED_KEY_BYTES = 32;

    private final List<WebhookSecret> secrets;

    /** @throws IllegalArgumentException on an empty list or a malformed secret (the message never shows it) */
    public WebhookSigner(List<String> secrets) {
        this.secrets = WebhookSecret.parseAll(secrets);
    }

    /** From configuration such as {@code "whsec_new,whsec_old"}. */
    public static WebhookSigner fromConfig(String commaSeparatedSecrets) {
        return new WebhookSigner(WebhookSecret.splitConfig(commaSeparatedSecrets));
    }

    /**
     * The headers to send with {@code body}: {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
     * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, space-separated when
     * there are several secrets). Sign the exact bytes that are sent.
     */
    public Map<String, String> sign(String messageId, long timestampSeconds, byte[] body) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId must not be blank");
        }
        String signatures = secrets.stream()
                .map(secret -> WebhookSignatures.v1(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookHeaders.ID, messageId);
        headers.put(WebhookHeaders.TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(WebhookHeaders.SIGNATURE, signatures);
        return Collections.unmodifiableMap(headers);
    }

    /** A new random secret: {@code "whsec_"} + base64 of 32 random bytes. */
    public static String generateSecret() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        // Created per call rather than held in a static field: a SecureRandom must not be seeded at
        // native-image build time, and generating secrets is rare.
        new SecureRandom().nextBytes(key);
        return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "WebhookSigner[" + secrets.size() + " secret(s)]";
    }
}
