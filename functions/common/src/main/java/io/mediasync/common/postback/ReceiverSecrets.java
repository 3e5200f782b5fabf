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
 * origin, and the kind of message ({@link PostbackKind}):
 * {@code whsec_ + base64(HMAC-SHA256(master key, context + origin))}, the context being
 * {@code "mediasync-postback-v1:"} for order results (the derivation receivers have used from the start) and
 * {@code "mediasync-system-postback-v1:"} for system events. A signature made for one origin never verifies at
 * another, nor one kind as the other; a receiver verifies with any Standard Webhooks library and the secrets
 * {@code ./mediasync postback-secret URL} prints for it. Each master secret of a rotation derives
 * its own receiver secret, and postbacks are signed with all of them.
 */
public final class ReceiverSecrets {

    private final List<WebhookSecret> masters;

    /** @param masterSecrets "whsec_..." secrets, comma-separated during a rotation (the first is current) */
    public ReceiverSecrets(String masterSecrets) {
        this.masters = WebhookSecret.parseAll(WebhookSecret.splitConfig(masterSecrets));
    }

    /** The receiver's order-result secrets (see {@link #secretsFor(URI, PostbackKind)}). */
    public List<String> secretsFor(URI receiver) {
        return secretsFor(receiver, PostbackKind.ORDER_RESULT);
    }

    /** The receiver's secrets for one kind, one per master secret, current first: what it configures in its verifier. */
    public List<String> secretsFor(URI receiver, PostbackKind kind) {
        String origin = Origin.of(receiver).toString();
        return masters.stream().map(master -> WebhookSecret.PREFIX
                + Base64.getEncoder().encodeToString(derive(master, kind.context() + origin))).toList();
    }

    /** Signs one kind of message for this receiver only. */
    public WebhookSigner signerFor(URI receiver, PostbackKind kind) {
        return new WebhookSigner(secretsFor(receiver, kind));
    }

    private static byte[] derive(WebhookSecret master, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.key(), "HmacSHA256"));
            return mac.doFinal(context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ReceiverSecrets[" + masters.size() + " master secret(s)]";
    }
}
