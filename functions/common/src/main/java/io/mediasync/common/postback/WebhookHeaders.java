package io.mediasync.common.postback;

/** The Standard Webhooks header names (lower case; HTTP header names are case-insensitive). */
public final class WebhookHeaders {

    /** Unique message id; the same across retries of one message, so receivers can deduplicate. */
    public static final String ID = "webhook-id";
    /** Unix time in seconds when the message was signed. */
    public static final String TIMESTAMP = "webhook-timestamp";
    /** Space-separated {@code v1,<base64>} signatures, one per active secret. */
    public static final String SIGNATURE = "webhook-signature";

    private WebhookHeaders() {
    }
}
