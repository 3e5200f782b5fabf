package io.mediasync.common.mongo;

/**
 * An enum stored as a string of its own ({@code "dead_lettered"}, {@code "completed_with_errors"}): statuses, phases,
 * outcomes. The stored strings are a contract operators and tests read, so each enum names its string once and is
 * read back here, by one rule.
 */
public interface StoredValue {

    /** The stored string. */
    String value();

    /** The constant stored as {@code stored}; null for none, an error for a string this version never writes. */
    static <E extends Enum<E> & StoredValue> E of(Class<E> type, String stored) {
        E value = known(type, stored);
        if (value == null && stored != null) {
            throw new IllegalArgumentException("not a stored " + type.getSimpleName() + ": " + stored);
        }
        return value;
    }

    /**
     * The same, but null for a string this version does not know, where the record is read to decide rather than to
     * report (written by a later version, or by hand).
     */
    static <E extends Enum<E> & StoredValue> E known(Class<E> type, String stored) {
        if (stored != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.value().equals(stored)) {
                    return constant;
                }
            }
        }
        return null;
    }
}
