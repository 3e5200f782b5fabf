package io.mediasync.common.postback;

/**
 * What a postback carries, bound into its signing secret so that one kind can never verify as the other. An
 * order's author chooses most of an order result's body (the seed passes the order through), so a receiver must be
 * able to tell a message mediasync wrote itself from an echoed order: each kind has its own derived secret per
 * receiver, and a receiver trusts a body as the system's only if it verifies with the system-event secret.
 */
public enum PostbackKind {

    /** An image order's result (seed 004): the order as sent, plus the {@code *_info} fields. The seed's derivation. */
    ORDER_RESULT("mediasync-postback-v1:"),

    /** A message mediasync authors itself: a source synchronized, and every future system event. */
    SYSTEM_EVENT("mediasync-system-postback-v1:");

    private final String context;

    PostbackKind(String context) {
        this.context = context;
    }

    /** The label mixed into the secret's derivation with the receiver's origin. */
    String context() {
        return context;
    }
}
