package io.mediasync.common.postback;

import io.mediasync.common.net.Origin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-receiver postback secrets. Whoever can enqueue an order chooses both the body and the postback URL, so
 * one secret shared by every receiver would hand them a valid signature for any receiver. Instead each receiver
 * gets its own Standard Webhooks secret, derived from the master secret (POSTBACK_SECRET) and the receiver's
 * origin: {@code whsec_ + base64(HMAC-SHA256(master key, "mediasync-postback-v1:" + origin))}. A signature
 * made for one origin never verifies at another; a receiver verifies with any Standard Webhooks library and
 * the secret {@code ./mediasync postback-secret URL} prints for it. Each master secret of a rotation derives
 * its own receiver secret, and postbacks are signed with all of them.
 */
public final class ReceiverSecrets {

    static final String CONTEXT = "mediasync-postback-v1:";

    private final List<WebhookSecret> masters;

    /** @param masterSecrets "whsec_..." secrets, comma-separated during a rotation (the first is current) */
    public ReceiverSecrets(String masterSecrets) {
        this.masters = WebhookSecret.parseAll(WebhookSecret.splitConfig(masterSecrets));
    }

    /** The receiver's secrets, one per master secret, current first: what it configures in its verifier. */
    public List<String> secretsFor(URI receiver) {
        String origin = Origin.of(receiver).toString();
        return masters.stream().map(master -> WebhookSecret.PREFIX
                + Base64.getEncoder().encodeToString(derive(master, origin))).toList();
    }

    /** Signs for this receiver only. */
    public WebhookSigner signerFor(URI receiver) {
        return new WebhookSigner(secretsFor(receiver));
    }

    private static byte[] derive(WebhookSecret master, String origin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.key(), "HmacSHA256"));
            return mac.doFinal((CONTEXT + origin).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ReceiverSecrets[" + masters.size() + " master secret(s)]";
    }
}
