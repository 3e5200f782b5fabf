package io.mediasync.common.mongo;

import com.mongodb.MongoException;
import io.mediasync.common.failure.FailurePolicy;

/** The functions' failure policy: the common one, plus MongoDB being unreachable, which a later receive may not meet. */
public final class MongoFailures {

    public static final FailurePolicy POLICY = FailurePolicy.standard().with(MongoException.class, "mongo_unavailable", true);

    private MongoFailures() {
    }
}
