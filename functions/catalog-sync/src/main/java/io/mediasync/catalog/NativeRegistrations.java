package io.mediasync.catalog;

import io.mediasync.common.lambda.SqsBatchResponse;
import io.mediasync.common.lambda.SqsEvent;
import io.mediasync.common.lambda.SqsMessage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The SQS event and batch response records (a plain library) are read and written by Jackson: register them. */
@RegisterForReflection(targets = {SqsEvent.class, SqsMessage.class, SqsBatchResponse.class, SqsBatchResponse.ItemFailure.class})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
