package io.mediasync.common.sqs;

import io.mediasync.common.hash.Sha256;
import java.util.regex.Pattern;

/**
 * What a FIFO queue requires of every message, written once: a message group id (at most 128 characters of
 * letters, digits and ASCII punctuation; anything else is replaced by its SHA-256 so any business key works)
 * and a deduplication id (the SHA-256 of a key: a resend of the same thing within SQS's 5-minute window is
 * dropped by SQS itself).
 */
public final class FifoIds {

    public static final String DEFAULT_GROUP = "mediasync";
    private static final Pattern VALID_GROUP = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");

    private FifoIds() {
    }

    public static String groupId(String group) {
        if (group == null || group.isBlank()) {
            return DEFAULT_GROUP;
        }
        return VALID_GROUP.matcher(group).matches() ? group : Sha256.hex(group);
    }

    /** @param key what makes two messages the same (null: the body) */
    public static String deduplicationId(String key, String body) {
        return Sha256.hex(key == null ? body : key);
    }
}
