package io.mediasync.common.mongo;

/**
 * A number read back from a stored document whatever its BSON width: MongoDB compares numbers by value, so a field
 * written as int32 by one writer (a shell, the seed, an older version) and int64 by another reads alike, where the
 * driver's typed getters would throw.
 */
public final class StoredNumber {

    private StoredNumber() {
    }

    /** The value as a long; null when the field is missing or not a number. */
    public static Long asLong(Object stored) {
        return stored instanceof Number n ? n.longValue() : null;
    }

    /** The value as a long; {@code otherwise} when the field is missing or not a number. */
    public static long asLong(Object stored, long otherwise) {
        return stored instanceof Number n ? n.longValue() : otherwise;
    }

    /** The value as an int; {@code otherwise} when the field is missing or not a number. */
    public static int asInt(Object stored, int otherwise) {
        return stored instanceof Number n ? n.intValue() : otherwise;
    }
}
