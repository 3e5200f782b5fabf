package io.mediasync.common.postback;

/** A webhook failed verification; the message says why (missing header, stale timestamp, no matching signature). */
public class WebhookVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
