package io.mediasync.sourcesync;

import com.mongodb.MongoException;
import io.mediasync.common.failure.FailurePolicy;

/** The common failure policy, plus what only this package's functions meet: MongoDB being unreachable. */
public final class SyncFailurePolicy {

    public static final FailurePolicy POLICY = FailurePolicy.standard().with(MongoException.class, "mongo_unavailable", true);

    private SyncFailurePolicy() {
    }
}
