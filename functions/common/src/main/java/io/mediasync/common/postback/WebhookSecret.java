package io.mediasync.common.postback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A parsed {@code whsec_<base64>} secret: the HMAC key. Never printed; messages about a bad secret
 * name its position in the list, not its content.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    /** The Standard Webhooks spec asks for keys between 24 and 64 bytes. */
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    byte[] key() {
        return key.clone();
    }

    /** Parses every secret; the list must not be empty. */
    static List<WebhookSecret> parseAll(List<String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is required");
        }
        List<WebhookSecret> parsed = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            parsed.add(parse(secrets.get(i), i + 1, secrets.size()));
        }
        return List.copyOf(parsed);
    }

    /** Splits configuration like {@code "whsec_new,whsec_old"}; blanks are skipped. */
    static List<String> splitConfig(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static WebhookSecret parse(String secret, int position, int count) {
        String which = "webhook secret " + position + " of " + count;
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException(which + " is malformed: expected 'whsec_' followed by base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; do not chain it.
            throw new IllegalArgumentException(which + " is malformed: the part after 'whsec_' is not base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(which + " is malformed: the key must be " + MIN_KEY_BYTES + " to "
                    + MAX_KEY_BYTES + " bytes, it is " + key.length);
        }
        return new WebhookSecret(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
