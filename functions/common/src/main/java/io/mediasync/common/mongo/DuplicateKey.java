package io.mediasync.common.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/**
 * An insert, or an upsert's insert, met a document with the same unique key: another writer got there first. The
 * stores read that as an answer (a lease held, a window claimed, a record already there), never as a fault. Both the
 * write commands' {@code MongoWriteException} and findAndModify's {@code MongoCommandException} carry the code.
 */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    public static boolean in(MongoServerException e) {
        return is(e.getCode());
    }

    /** For a bulk write's per-item error code. */
    public static boolean is(int errorCode) {
        return ErrorCategory.fromErrorCode(errorCode) == ErrorCategory.DUPLICATE_KEY;
    }
}
