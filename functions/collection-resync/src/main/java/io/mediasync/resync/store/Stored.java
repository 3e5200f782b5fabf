package io.mediasync.resync.store;

import java.util.function.Function;

/** Reads an enum back from the string it is stored as. */
final class Stored {

    private Stored() {
    }

    /** The constant stored as {@code value}; null for null, and an error for a string none of them stores. */
    static <E extends Enum<E>> E of(E[] values, Function<E, String> stored, String value) {
        if (value == null) {
            return null;
        }
        for (E e : values) {
            if (stored.apply(e).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a stored " + values.getClass().getComponentType().getSimpleName() + ": " + value);
    }
}
